// The intake screen: a household picked from a card fills the form; small checks
// that save the agent a round trip while the customer waits.
(function () {
  function form() {
    return document.getElementById('intake-form');
  }

  // Sets a field and tells whoever listens (htmx reloads the public areas for a site).
  function set(name, value) {
    var field = form().elements.namedItem(name);
    if (field && field.value !== value) {
      field.value = value;
      field.dispatchEvent(new Event('change', { bubbles: true }));
    }
  }

  function markPicked(householdId) {
    var cards = document.getElementById('households');
    if (!cards) {
      return;
    }
    cards.classList.toggle('has-pick', !!householdId);
    cards.querySelectorAll('.household-card').forEach(function (card) {
      card.classList.toggle('picked', card.id === 'household-' + householdId);
    });
  }

  function pick(data) {
    set('siteId', data.site);
    set('householdId', data.pickHousehold);
    set('householdName', data.householdName);
    if (data.contactName !== undefined) {
      set('contactName', data.contactName);
      set('contactPhone', data.contactPhone || '');
    }
    if (data.room) {
      set('publicAreaId', '');
      set('roomCode', data.room);
    }
    form().elements.namedItem('anonymous').checked = false;
    document.getElementById('picked-household-name').textContent = data.householdName;
    document.getElementById('picked-household').hidden = false;
    markPicked(data.pickHousehold);
    var type = form().querySelector('[name="type"]:checked') || form().querySelector('[name="type"]');
    type.focus();
  }

  function unpick() {
    set('householdId', '');
    set('householdName', '');
    document.getElementById('picked-household').hidden = true;
    markPicked(null);
    document.getElementById('household-search').focus();
  }

  document.addEventListener('click', function (event) {
    var picked = event.target.closest('[data-pick-household]');
    if (picked) {
      pick(picked.dataset);
    }
    else if (event.target.closest('[data-unpick]')) {
      unpick();
    }
  });

  // A request is about one room or one public area, never both.
  document.addEventListener('change', function (event) {
    if (event.target.name === 'publicAreaId' && event.target.value) {
      set('roomCode', '');
    }
  });
  document.addEventListener('input', function (event) {
    if (event.target.name === 'roomCode' && event.target.value) {
      set('publicAreaId', '');
    }
  });

  // A photo over the limit is refused here, before minutes of uploading; the server checks again.
  document.addEventListener('change', function (event) {
    var input = event.target;
    if (input.type !== 'file' || !input.dataset.maxBytes) {
      return;
    }
    var message = '';
    Array.prototype.forEach.call(input.files, function (file) {
      if (!message && file.size > Number(input.dataset.maxBytes)) {
        message = input.dataset.tooLarge.replace('{0}', file.name);
      }
    });
    if (!message && input.files.length > Number(input.dataset.maxFiles)) {
      message = input.dataset.tooMany;
    }
    input.setCustomValidity(message);
    input.reportValidity();
  });

  // Enter in the search box picks the household when only one was found.
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && event.target.id === 'household-search') {
      var picks = document.querySelectorAll('#households .pick-household');
      if (picks.length === 1) {
        event.preventDefault();
        picks[0].click();
      }
    }
  });

  // Ctrl+Enter saves from any field, the textareas included.
  document.addEventListener('keydown', function (event) {
    var target = event.target;
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && target.form && target.form.id === 'intake-form') {
      event.preventDefault();
      target.form.requestSubmit();
    }
  });

  // Saved: the number is on top, the search box ready for the next call.
  document.body.addEventListener('kefu-registered', function () {
    window.scrollTo({ top: 0 });
    document.getElementById('household-search').focus({ preventScroll: true });
  });

  // Refused: the reason in view, the cursor in the field it concerns.
  document.body.addEventListener('kefu-rejected', function () {
    var error = document.getElementById('intake-error');
    var field = form().querySelector('.is-invalid:not(.type-choices)') || form().querySelector('.type-choices.is-invalid input');
    if (error) {
      error.scrollIntoView({ block: 'center' });
    }
    if (field) {
      field.focus({ preventScroll: true });
    }
  });
})();
