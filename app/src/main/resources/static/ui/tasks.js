// The approval page: the preview follows the place of issue as it is typed, so the signatory sees the declaration
// exactly as it will be issued before approving. Without this script the preview shows the place once submitted.
(function () {
  'use strict';
  function follow(place) {
    document.querySelectorAll('[data-preview]').forEach(function (element) {
      var attribute = element.tagName === 'IMG' ? 'src' : 'href';
      var url = new URL(element.getAttribute(attribute), window.location.href);
      if (place) {
        url.searchParams.set('place', place);
      } else {
        url.searchParams.delete('place');
      }
      element.setAttribute(attribute, url.pathname + url.search);
    });
  }
  document.addEventListener('DOMContentLoaded', function () {
    var field = document.getElementById('placeOfIssue');
    if (field && document.querySelector('[data-preview]')) {
      field.addEventListener('change', function () {
        follow(field.value.trim());
      });
    }
  });
})();
