// Behaviour every page shares. No inline script anywhere: the content security policy forbids it.
(function () {
  'use strict';
  function csrf() {
    var header = document.querySelector('meta[name="csrf-header"]');
    var token = document.querySelector('meta[name="csrf-token"]');
    return header && token ? { header: header.content, token: token.content } : null;
  }
  // htmx requests carry the session's CSRF token, as the pages' forms do in their hidden field.
  document.addEventListener('htmx:configRequest', function (event) {
    var token = csrf();
    if (token) {
      event.detail.headers[token.header] = token.token;
    }
  });
  window.conformity = { csrf: csrf };
})();
