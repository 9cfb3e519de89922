// Standard phrases and guides: one click copies a filled phrase, or inserts a guide into
// the reply being written.
(function () {
  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    var area = document.createElement('textarea');
    area.value = text;
    document.body.appendChild(area);
    area.select();
    document.execCommand('copy');
    area.remove();
    return Promise.resolve();
  }

  function insert(field, text) {
    var at = field.selectionStart || field.value.length;
    field.value = field.value.slice(0, at) + (at > 0 ? '\n' : '') + text + field.value.slice(at);
    field.dispatchEvent(new Event('input', { bubbles: true }));
    field.focus();
  }

  document.addEventListener('click', function (event) {
    var phrase = event.target.closest('[data-copy-phrase]');
    if (phrase) {
      copy(phrase.dataset.copyPhrase).then(function () {
        phrase.classList.add('copied');
        setTimeout(function () { phrase.classList.remove('copied'); }, 1500);
      });
    }
    var guide = event.target.closest('[data-insert-guide]');
    if (guide) {
      var select = guide.parentElement.querySelector('select');
      if (!select.value) {
        return;
      }
      fetch(select.value).then(function (response) { return response.text(); }).then(function (text) {
        insert(document.querySelector(guide.dataset.insertGuide), text);
      });
    }
  });
})();
