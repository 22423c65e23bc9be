// 人民币大写 beside an amount input, live, as the confirmation and the PDFs write it (the same rules as the server's
// RmbUppercase: one 零 for a run of zeros, 整 after 元 or 角 when there is no 分). Input: digits, commas only between groups of three,
// at most two decimals; anything else shows a hint instead of a wrong figure.
(function () {
  var DIGITS = '零壹贰叁肆伍陆柒捌玖';
  var IN_GROUP = ['', '拾', '佰', '仟'];
  var GROUPS = ['', '万', '亿', '万亿'];
  var VALID = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})?$/;

  function group(n) {
    var s = '', zero = false;
    for (var pos = 3; pos >= 0; pos--) {
      var d = Math.floor(n / Math.pow(10, pos)) % 10;
      if (d === 0) { zero = s.length > 0; continue; }
      if (zero) { s += '零'; zero = false; }
      s += DIGITS.charAt(d) + IN_GROUP[pos];
    }
    return s;
  }

  function integer(digits) {
    // groups of four digits from the right, as text (no floating point)
    var groups = [];
    for (var end = digits.length; end > 0; end -= 4) {
      groups.unshift(parseInt(digits.substring(Math.max(0, end - 4), end), 10));
    }
    var out = '', zeroPending = false;
    for (var i = 0; i < groups.length; i++) {
      var g = groups.length - 1 - i, value = groups[i];
      if (value === 0) { zeroPending = out.length > 0; continue; }
      if (out.length > 0 && (zeroPending || value < 1000)) { out += '零'; }
      out += group(value) + GROUPS[g];
      zeroPending = false;
    }
    return out;
  }

  function words(text) {
    var t = text.trim();
    if (!VALID.test(t)) { return null; }
    var parts = t.replace(/,/g, '').split('.');
    var whole = parts[0].replace(/^0+(?=\d)/, '');
    if (whole.length > 12) { return null; }
    var cents = ((parts[1] || '') + '00').substring(0, 2);
    var jiao = parseInt(cents.charAt(0), 10), fen = parseInt(cents.charAt(1), 10);
    var yuan = whole === '0' ? '' : integer(whole);
    var s = yuan ? yuan + '元' : '';
    if (jiao === 0 && fen === 0) { return s ? s + '整' : '零元整'; }
    if (jiao > 0) { s += DIGITS.charAt(jiao) + '角'; } else if (yuan) { s += '零'; }
    if (fen > 0) { s += DIGITS.charAt(fen) + '分'; } else { s += '整'; }
    return s;
  }

  document.querySelectorAll('input[data-amount-words]').forEach(function (input) {
    var out = document.getElementById(input.getAttribute('data-amount-words'));
    if (!out) { return; }
    var hint = out.getAttribute('data-invalid') || '';
    function show() {
      if (input.value.trim() === '') { out.textContent = ''; return; }
      var w = words(input.value);
      out.textContent = w === null ? hint : w;
      out.classList.toggle('text-danger', w === null);
    }
    input.addEventListener('input', show);
    show();
  });
})();
