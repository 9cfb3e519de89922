// A signature drawn with a finger, pen or mouse on a canvas (class "signature-pad").
// data-field names the hidden input that receives the PNG data URL when the form is
// sent; data-clear the button that wipes the pad; data-name the customer's name
// field, which becomes required once something is drawn.
(function () {
  'use strict';

  function setUp(canvas) {
    var form = canvas.closest('form');
    var field = document.getElementById(canvas.dataset.field);
    var clear = document.getElementById(canvas.dataset.clear);
    var name = canvas.dataset.name ? document.getElementById(canvas.dataset.name) : null;
    var context = canvas.getContext('2d');
    var drawn = false;
    var last = null;

    function size() {
      var ratio = window.devicePixelRatio || 1;
      var width = Math.round(canvas.clientWidth * ratio);
      var height = Math.round(canvas.clientHeight * ratio);
      if (canvas.width === width && canvas.height === height) {
        return;
      }
      var previous = drawn ? canvas.toDataURL('image/png') : null;
      canvas.width = width;
      canvas.height = height;
      blank();
      if (previous) {
        var image = new Image();
        image.onload = function () { context.drawImage(image, 0, 0, width, height); };
        image.src = previous;
      }
    }

    function blank() {
      context.fillStyle = '#fff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.strokeStyle = '#000';
      context.lineCap = 'round';
      context.lineJoin = 'round';
      context.lineWidth = Math.max(2, 2.5 * (window.devicePixelRatio || 1));
    }

    function point(event) {
      var box = canvas.getBoundingClientRect();
      return {
        x: (event.clientX - box.left) * canvas.width / box.width,
        y: (event.clientY - box.top) * canvas.height / box.height
      };
    }

    canvas.addEventListener('pointerdown', function (event) {
      event.preventDefault();
      canvas.setPointerCapture(event.pointerId);
      last = point(event);
      context.beginPath();
      context.arc(last.x, last.y, context.lineWidth / 2, 0, 2 * Math.PI);
      context.fillStyle = '#000';
      context.fill();
      mark();
    });
    canvas.addEventListener('pointermove', function (event) {
      if (!last) {
        return;
      }
      event.preventDefault();
      var events = event.getCoalescedEvents ? event.getCoalescedEvents() : [event];
      if (events.length === 0) {
        events = [event];
      }
      context.beginPath();
      context.moveTo(last.x, last.y);
      events.forEach(function (e) {
        last = point(e);
        context.lineTo(last.x, last.y);
      });
      context.stroke();
    });
    ['pointerup', 'pointercancel', 'lostpointercapture'].forEach(function (type) {
      canvas.addEventListener(type, function () { last = null; });
    });

    function mark() {
      drawn = true;
      canvas.classList.add('signed');
      if (name) {
        name.required = true;
      }
    }

    if (clear) {
      clear.addEventListener('click', function () {
        drawn = false;
        canvas.classList.remove('signed');
        if (name) {
          name.required = false;
        }
        blank();
        field.value = '';
      });
    }
    form.addEventListener('submit', function () {
      field.value = drawn ? canvas.toDataURL('image/png') : '';
    });
    window.addEventListener('resize', size);
    size();
  }

  document.querySelectorAll('canvas.signature-pad').forEach(setUp);
})();
