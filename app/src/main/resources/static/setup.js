// Served as a file, not inline: the Content-Security-Policy allows scripts from this origin only.
const form = document.getElementById('setup');
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  document.querySelectorAll('[data-for]').forEach(e => { e.textContent = ''; e.hidden = true; });
  form.querySelectorAll('input').forEach(i => { i.removeAttribute('aria-invalid'); });
  const body = Object.fromEntries(new FormData(form));
  body.token = new URLSearchParams(location.search).get('token');
  const response = await fetch('/api/v1/setup', {
    method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)
  });
  if (response.ok) {
    form.hidden = true;
    const done = document.getElementById('done');
    done.hidden = false;
    done.focus();
    return;
  }
  const problem = await response.json();
  const errors = problem.errors || [{pointer: '', detail: problem.detail}];
  errors.forEach(e => {
    const field = (e.pointer || '').replace(/^\//, '');
    let slot = document.querySelector(`[data-for="${field}"]`);
    if (!slot || field === '') {
      slot = document.querySelector('[data-for=""]');
    } else {
      const input = document.getElementById(field);
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', `${field}-hint ${field}-error`.replace(/^displayName-hint /, ''));
    }
    slot.textContent = slot.textContent ? `${slot.textContent} ${e.detail}` : e.detail;
    slot.hidden = false;
  });
  if (problem.errors && problem.detail) {
    const summary = document.querySelector('[data-for=""]');
    summary.textContent = problem.detail;
    summary.hidden = false;
  }
});
