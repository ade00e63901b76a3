// Served as a file, not inline: the Content-Security-Policy allows scripts from this origin only.
const form = document.getElementById('setup');
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  document.querySelectorAll('.error').forEach(e => e.textContent = '');
  const body = Object.fromEntries(new FormData(form));
  body.token = new URLSearchParams(location.search).get('token');
  const response = await fetch('api/v1/setup', {
    method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)
  });
  if (response.ok) { form.hidden = true; document.getElementById('done').hidden = false; return; }
  const problem = await response.json();
  const errors = problem.errors || [{pointer: '', detail: problem.detail}];
  errors.forEach(e => {
    const field = (e.pointer || '').replace(/^\//, '');
    const slot = document.querySelector(`.error[data-for="${field}"]`) || document.querySelector('.error[data-for=""]');
    slot.textContent = e.detail;
  });
});
