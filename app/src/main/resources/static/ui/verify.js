// The verification page's drop zone: a dropped PDF goes into the form's file field and the form is sent, so the
// answer is the same page the plain form (without script) gets.
(function () {
  'use strict';
  var form = document.getElementById('verify-form');
  var input = document.getElementById('file');
  var zone = document.getElementById('drop-zone');
  if (!form || !input || !zone) {
    return;
  }
  zone.hidden = false;
  function over(event) {
    event.preventDefault();
    zone.classList.add('dragging');
  }
  function leave() {
    zone.classList.remove('dragging');
  }
  ['dragenter', 'dragover'].forEach(function (name) { zone.addEventListener(name, over); });
  ['dragleave', 'dragend'].forEach(function (name) { zone.addEventListener(name, leave); });
  zone.addEventListener('drop', function (event) {
    event.preventDefault();
    leave();
    if (event.dataTransfer && event.dataTransfer.files.length > 0) {
      input.files = event.dataTransfer.files;
      form.requestSubmit();
    }
  });
  // A file dropped beside the zone would make the browser open it instead of the page.
  document.addEventListener('dragover', function (event) { event.preventDefault(); });
  document.addEventListener('drop', function (event) {
    if (!zone.contains(event.target)) {
      event.preventDefault();
    }
  });
  form.addEventListener('submit', function () {
    var button = document.getElementById('verify-button');
    if (button && input.files.length > 0) {
      button.disabled = true;
      button.textContent = 'Checking…';
    }
  });
  // After a check, the answer is what a reader (and a screen reader) meets first.
  var result = document.getElementById('verification-result');
  if (result) {
    result.focus();
  } else if (input.getAttribute('aria-invalid') === 'true') {
    input.focus();
  }
})();
