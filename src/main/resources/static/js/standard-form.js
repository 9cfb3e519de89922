// The service standard form: add and remove clocks and the further steps of their
// ladders. The server binds the fields by index (clocks[0].kind,
// clocks[0].further[1].afterMinutes), so every change numbers them 0, 1, 2 … again.
(function () {
  'use strict';

  function setUp(form) {
    var clocks = form.querySelector('.standard-clocks');

    function copy(templateId) {
      return form.querySelector('#' + templateId).content.firstElementChild.cloneNode(true);
    }

    function renumber() {
      var all = clocks.querySelectorAll('.standard-clock');
      all.forEach(function (clock, i) {
        clock.querySelector('.clock-number').textContent = i + 1;
        clock.querySelector('.clock-remove').disabled = all.length === 1;
        clock.querySelectorAll('[name]').forEach(function (field) {
          field.name = field.name.replace(/^clocks\[\d+\]/, 'clocks[' + i + ']');
        });
        clock.querySelectorAll('.clock-step').forEach(function (step, j) {
          step.querySelectorAll('[name]').forEach(function (field) {
            field.name = field.name.replace(/\.further\[\d+\]/, '.further[' + j + ']');
          });
        });
      });
    }

    function add(container, templateId) {
      var added = copy(templateId);
      container.appendChild(added);
      renumber();
      added.querySelector('input, select').focus();
    }

    form.querySelector('.clock-add').addEventListener('click', function () {
      add(clocks, 'clock-template');
    });
    clocks.addEventListener('click', function (event) {
      var clock = event.target.closest('.standard-clock');
      if (event.target.closest('.step-add')) {
        add(clock.querySelector('.clock-steps'), 'step-template');
      }
      else if (event.target.closest('.step-remove')) {
        event.target.closest('.clock-step').remove();
        renumber();
      }
      else if (event.target.closest('.clock-remove') && clocks.children.length > 1) {
        clock.remove();
        renumber();
      }
    });
    renumber();
  }

  document.querySelectorAll('form.standard-form').forEach(setUp);
})();
