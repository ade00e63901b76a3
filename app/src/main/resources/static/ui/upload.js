// Evidence uploads on the assessment page: files dropped on a requirement's drop zone or chosen in its file input
// are sent one by one with a progress bar; each row then shows the file's analysis or why it was refused. Without
// this script the same form posts the files at once and the page comes back with the results.
(function () {
  'use strict';
  var counter = 0;

  function text(tag, className, content) {
    var element = document.createElement(tag);
    if (className) {
      element.className = className;
    }
    if (content !== undefined) {
      element.textContent = content;
    }
    return element;
  }

  function refused(row, name, reason) {
    var line = text('p', 'file-line');
    var mark = text('span', 'mark', '\u2717');
    mark.setAttribute('aria-hidden', 'true');
    line.appendChild(mark);
    line.appendChild(text('strong', 'file-name', name));
    line.appendChild(text('span', 'outcome', 'Refused'));
    var error = text('p', 'field-error upload-error', reason);
    error.setAttribute('role', 'alert');
    row.className = 'upload-result refused';
    row.replaceChildren(line, error);
  }

  // The page endpoint answers with the file's row; a refusal made before it ran (a body over the size limit) is
  // a problem document or an error page instead.
  function finish(row, xhr, name) {
    var type = xhr.getResponseHeader('Content-Type') || '';
    if (type.indexOf('json') >= 0) {
      var reason = 'The upload was refused (HTTP ' + xhr.status + ').';
      try {
        var problem = JSON.parse(xhr.responseText);
        reason = problem.detail || problem.title || reason;
      } catch (ignored) {
        // Not a problem document after all: the status says enough.
      }
      refused(row, name, reason);
      return;
    }
    var doc = new DOMParser().parseFromString(xhr.responseText, 'text/html');
    var result = doc.querySelector('li.upload-result');
    if (result) {
      row.replaceWith(document.importNode(result, true));
      return;
    }
    var alert = doc.querySelector('.alert');
    refused(row, name, alert ? alert.textContent.trim() : 'The upload was refused (HTTP ' + xhr.status + ').');
  }

  // A file whose analysis is still running is asked about again, less often as time goes by, and given up on after
  // MAX_TRIES: the row then says so rather than asking for ever. The row changes only when the answer is final, so
  // the list's live region announces the result once, not every question.
  var MAX_TRIES = 30;

  function poll(pending) {
    if (pending.hasAttribute('data-polling')) {
      return;
    }
    pending.setAttribute('data-polling', '');
    var url = pending.getAttribute('data-analysis-url');
    // A row may ask sooner (data-poll-delay, in milliseconds): the tests do, to reach the end in moments.
    var delay = parseInt(pending.getAttribute('data-poll-delay'), 10) || 1000;
    var tries = 0;

    function next() {
      if (tries >= MAX_TRIES) {
        var note = text('p', 'analysis-pending', 'The analysis is still running; reload the page later to see it.');
        note.setAttribute('role', 'status');
        pending.replaceWith(note);
        return;
      }
      window.setTimeout(ask, delay * Math.min(1 + Math.floor(tries / 5), 5));
    }

    function ask() {
      tries += 1;
      var xhr = new XMLHttpRequest();
      xhr.open('GET', url);
      xhr.setRequestHeader('Accept', 'text/html');
      xhr.addEventListener('load', function () {
        var result = xhr.status === 200
          ? new DOMParser().parseFromString(xhr.responseText, 'text/html').querySelector('li.upload-result')
          : null;
        var row = pending.closest('li');
        if (result && !result.querySelector('[data-analysis-url]') && row) {
          row.replaceWith(document.importNode(result, true));
        } else {
          next();
        }
      });
      xhr.addEventListener('error', next);
      xhr.send();
    }

    next();
  }

  // Rows come from this script's uploads and from the page drawn after a plain post: each list is watched.
  function watch(list) {
    list.querySelectorAll('[data-analysis-url]').forEach(poll);
    new MutationObserver(function (changes) {
      changes.forEach(function (change) {
        change.addedNodes.forEach(function (node) {
          if (node.querySelectorAll) {
            node.querySelectorAll('[data-analysis-url]').forEach(poll);
          }
        });
      });
    }).observe(list, {childList: true});
  }

  function upload(form, file) {
    var results = form.querySelector('[data-upload-results]');
    var id = 'upload-progress-' + (++counter);
    var row = text('li', 'upload-result sending');
    row.setAttribute('data-file', file.name);
    var line = text('p', 'file-line');
    line.appendChild(text('strong', 'file-name', file.name));
    var label = text('label', 'visually-hidden', 'Upload of ' + file.name);
    label.htmlFor = id;
    var progress = document.createElement('progress');
    progress.id = id;
    progress.max = 100;
    progress.value = 0;
    var percent = text('span', 'percent', '0 %');
    percent.setAttribute('aria-live', 'polite');
    line.appendChild(label);
    line.appendChild(progress);
    line.appendChild(percent);
    row.appendChild(line);
    results.appendChild(row);

    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.getAttribute('data-upload-url'));
    var token = window.conformity && window.conformity.csrf();
    if (token) {
      xhr.setRequestHeader(token.header, token.token);
    }
    xhr.setRequestHeader('Accept', 'text/html');
    // A body refused before it is read has no name to report: the header gives it.
    xhr.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    xhr.upload.addEventListener('progress', function (event) {
      if (event.lengthComputable) {
        var done = Math.round((event.loaded / event.total) * 100);
        progress.value = done;
        percent.textContent = done >= 100 ? '100 %, analysing\u2026' : done + ' %';
      }
    });
    xhr.addEventListener('load', function () {
      finish(row, xhr, file.name);
    });
    xhr.addEventListener('error', function () {
      refused(row, file.name, 'The upload did not reach the server; nothing was stored. Try again.');
    });
    var data = new FormData();
    data.append('file', file, file.name);
    xhr.send(data);
  }

  function send(form, files) {
    // A copy: clearing the input empties its live file list.
    Array.prototype.slice.call(files).forEach(function (file) {
      upload(form, file);
    });
  }

  function setUp(form) {
    var input = form.querySelector('input[type=file]');
    var zone = form.querySelector('[data-dropzone]');
    var submit = form.querySelector('[data-upload-submit]');
    var hint = form.querySelector('[data-upload-hint]');
    if (!input || !form.getAttribute('data-upload-url') || !window.FormData) {
      return;
    }
    if (submit) {
      submit.hidden = true;
    }
    if (hint) {
      hint.textContent = 'Tool outputs (nmap, testssl, SBOM, SARIF, trivy) or documents, several at once: drop them '
        + 'here or choose them; each uploads at once and its analysis shows below.';
    }
    input.addEventListener('change', function () {
      send(form, input.files);
      input.value = '';
    });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      send(form, input.files);
      input.value = '';
    });
    ['dragenter', 'dragover'].forEach(function (name) {
      zone.addEventListener(name, function (event) {
        event.preventDefault();
        zone.classList.add('dragging');
      });
    });
    ['dragleave', 'drop'].forEach(function (name) {
      zone.addEventListener(name, function (event) {
        event.preventDefault();
        zone.classList.remove('dragging');
      });
    });
    zone.addEventListener('drop', function (event) {
      if (event.dataTransfer && event.dataTransfer.files.length) {
        send(form, event.dataTransfer.files);
      }
    });
  }

  document.querySelectorAll('form.upload[data-upload-url]').forEach(setUp);
  document.querySelectorAll('[data-upload-results]').forEach(watch);
})();
