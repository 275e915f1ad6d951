// The admin console's only script: keeps the Licenses page to 20 selected users, and refreshes a bulk
// operation's progress while it runs. Every page also works without it (the server checks the same rules).
(function () {
  'use strict';

  // "The Licenses page lets you assign or unassign licenses for up to 20 users at a time": the 21st box is
  // refused on the spot, with the reason in an alert region that screen readers announce.
  document.querySelectorAll('form[data-max-selected]').forEach(function (form) {
    var max = parseInt(form.getAttribute('data-max-selected'), 10);
    var message = form.querySelector('[data-limit-message]');
    form.addEventListener('change', function (event) {
      var box = event.target;
      if (box.type !== 'checkbox' || box.name !== 'userId') {
        return;
      }
      var ticked = form.querySelectorAll('input[type=checkbox][name=userId]:checked').length;
      if (box.checked && ticked > max) {
        box.checked = false;
        message.textContent = form.getAttribute('data-limit-text');
      } else if (ticked <= max) {
        message.textContent = '';
      }
    });
  });

  // A running bulk operation: ask for its progress until it has finished. A redirect means the session is gone
  // (signed out, or the console restarted): load the page itself, which leads to the sign-in and then says what
  // became of the operation.
  function poll() {
    var operation = document.getElementById('operation');
    if (!operation || operation.getAttribute('data-running') !== 'true') {
      return;
    }
    fetch(operation.getAttribute('data-poll'), { credentials: 'same-origin', redirect: 'manual' })
      .then(function (response) {
        if (response.type === 'opaqueredirect') {
          window.location.reload();
          return Promise.reject('redirected');
        }
        return response.ok ? response.text() : Promise.reject(response.status);
      })
      .then(function (html) {
        operation.outerHTML = html;
        setTimeout(poll, 500);
      })
      .catch(function () { setTimeout(poll, 2000); });
  }
  setTimeout(poll, 300);
})();
