// The quote form: add and remove lines, and show each amount and the total in exact
// yuan. Amounts are counted in whole fen, as the server does (quantity × unit price,
// rounded half up to the fen), so no floating-point sums reach the screen.
(function () {
  'use strict';

  // "12.5" → 1250 hundredths; null when not a number with at most two decimals.
  function hundredths(text) {
    var match = /^\s*(\d+)(?:\.(\d{0,2}))?\s*$/.exec(text || '');
    if (!match) {
      return null;
    }
    return parseInt(match[1], 10) * 100 + parseInt(((match[2] || '') + '00').substring(0, 2), 10);
  }

  function yuan(fen) {
    var whole = Math.floor(fen / 100);
    var rest = fen % 100;
    return whole + '.' + (rest < 10 ? '0' : '') + rest;
  }

  function setUp(form) {
    var lines = form.querySelector('.quote-lines');
    var total = form.querySelector('.quote-total');

    function update() {
      var sum = 0;
      var complete = true;
      lines.querySelectorAll('.quote-line').forEach(function (line) {
        var quantity = hundredths(line.querySelector('.quote-quantity').value);
        var price = hundredths(line.querySelector('.quote-price').value);
        var cell = line.querySelector('.quote-amount');
        if (quantity === null || price === null) {
          cell.textContent = '—';
          complete = false;
          return;
        }
        var fen = Math.floor((quantity * price + 50) / 100);
        cell.textContent = yuan(fen);
        sum += fen;
      });
      total.textContent = complete ? yuan(sum) : '—';
      lines.querySelectorAll('.quote-remove').forEach(function (button) {
        button.disabled = lines.children.length === 1;
      });
    }

    form.querySelector('.quote-add').addEventListener('click', function () {
      var copy = lines.lastElementChild.cloneNode(true);
      copy.querySelectorAll('input').forEach(function (input) { input.value = ''; });
      lines.appendChild(copy);
      copy.querySelector('input').focus();
      update();
    });
    lines.addEventListener('click', function (event) {
      var button = event.target.closest('.quote-remove');
      if (button && lines.children.length > 1) {
        button.closest('.quote-line').remove();
        update();
      }
    });
    lines.addEventListener('input', update);
    update();
  }

  document.querySelectorAll('form.quote-form').forEach(setUp);
})();
