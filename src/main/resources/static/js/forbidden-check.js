// Before a text goes to a customer: a form marked data-forbidden-check sends its fields
// marked data-customer-text to the check; a finding stops the sending until the text is
// changed or a reason is given, which is recorded before the form goes on.
(function () {
  function post(url, fields) {
    var headers = {};
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      headers[header.content] = token.content;
    }
    return fetch(url, { method: 'POST', body: new URLSearchParams(fields), redirect: 'manual', headers: headers });
  }

  function texts(form) {
    return Array.prototype.map.call(form.querySelectorAll('[data-customer-text]'), function (field) {
      return field.value;
    }).filter(function (value) { return value.trim() !== ''; }).join('\n');
  }

  function panel(form) {
    var box = form.querySelector('.forbidden-check');
    if (!box) {
      box = document.createElement('div');
      box.className = 'forbidden-check';
      form.querySelector('[type="submit"], button:not([type])').insertAdjacentElement('beforebegin', box);
    }
    return box;
  }

  // Calls send() when the texts are clean or the reason was recorded.
  function check(form, send) {
    var text = texts(form);
    if (form.dataset.approvedText === text) {
      send();
      return;
    }
    post(form.dataset.forbiddenCheck, { text: text }).then(function (response) {
      return response.text();
    }).then(function (html) {
      var box = panel(form);
      box.innerHTML = html;
      if (!box.querySelector('[data-findings]')) {
        send();
        return;
      }
      box.querySelector('[data-override]').addEventListener('click', function () {
        var reason = box.querySelector('[name="overrideReason"]');
        if (!reason.value.trim()) {
          reason.classList.add('is-invalid');
          reason.focus();
          return;
        }
        post(box.dataset.overrideUrl || '/forbidden-phrases/overrides', {
          context: form.dataset.textContext, reference: form.dataset.textReference || '', text: text, reason: reason.value
        }).then(function (response) {
          if (response.status === 204) {
            form.dataset.approvedText = text;
            box.innerHTML = '';
            send();
          }
          else {
            reason.classList.add('is-invalid');
          }
        });
      });
    });
  }

  // A plain form: stopped at submit, sent again once checked.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.dataset.forbiddenCheck || form.hasAttribute('hx-post') || form.dataset.checked === 'yes') {
      return;
    }
    event.preventDefault();
    check(form, function () {
      form.dataset.checked = 'yes';
      form.requestSubmit();
    });
  });

  // An htmx form: its request waits for the check.
  document.addEventListener('htmx:confirm', function (event) {
    var form = event.detail.elt;
    if (!form.dataset || !form.dataset.forbiddenCheck) {
      return;
    }
    event.preventDefault();
    check(form, function () { event.detail.issueRequest(true); });
  });
})();
