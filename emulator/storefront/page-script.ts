// What Luma's JavaScript does on these pages, inline and small: messages from the `mage-messages`
// cookie (cookie cleared once shown), jQuery-validate's rules and texts on submit (no request when a
// field fails), the page's form_key appended to POST forms (mage/common.js), the strength meter,
// "Show Password", the hidden sign-in popup and its duplicate ids. Texts as recorded in Chromium.

export const PAGE_STYLE = `
fieldset{border:0;padding:0;margin:0 0 20px}
body{font-family:"Open Sans","Helvetica Neue",Helvetica,Arial,sans-serif;margin:0;color:#333;font-size:14px}
.panel.header{background:#6e716e;color:#fff;padding:10px 20px;text-align:right}.panel.header a{color:#fff}
.header.links{list-style:none;margin:0;padding:0}.header.links li{display:inline-block;margin-left:12px}
.header.content{padding:20px}.logo{font-size:32px;letter-spacing:3px;color:#333;text-decoration:none}
.page-main{padding:0 20px}.page-title{font-weight:300;font-size:40px;margin:20px 0}
.message{padding:12px 20px;margin:0 0 10px}.message-error{background:#fae5e5;color:#e02b27}
.message-success{background:#e5efe5;color:#006400}
.field{margin:0 0 20px}.label{display:block;font-weight:600;margin-bottom:8px}
.required>.label:after{content:" *";color:#e02b27}
.input-text{width:600px;max-width:100%;height:32px;padding:0 9px;border:1px solid #c2c2c2}
.mage-error{color:#e02b27;font-size:12px;margin-top:7px}input.mage-error{border-color:#ed8380}
.action.primary{background:#1979c3;border:1px solid #1979c3;color:#fff;font-weight:600;padding:7px 15px}
.password-strength-meter{background:#f4f4f4;padding:5px 9px;margin-top:5px;width:600px;max-width:100%}
.password-weak .password-strength-meter{background:#ffafae}.password-medium .password-strength-meter{background:#ffd6b3}
.password-strong .password-strength-meter{background:#c5eeac}.password-very-strong .password-strength-meter{background:#81b562}
.page-footer{background:#f4f4f4;margin-top:40px;padding:20px}
`;

export const PAGE_SCRIPT = `
(function () {
  'use strict';
  function readCookie(name) {
    var found = document.cookie.split('; ').filter(function (p) { return p.indexOf(name + '=') === 0; })[0];
    return found === undefined ? undefined : found.slice(name.length + 1);
  }
  function decodeEntities(html) {
    var area = document.createElement('textarea');
    area.innerHTML = html;
    return area.value;
  }
  // Magento_Theme/js/view/messages: the cookie's messages, then the cookie is cleared.
  var raw = readCookie('mage-messages');
  if (raw) {
    var messages = [];
    try { messages = JSON.parse(decodeURIComponent(raw)); } catch (e) { messages = []; }
    var box = document.querySelector('.page.messages [data-role="cookie-messages"]');
    messages.forEach(function (message) {
      var outer = document.createElement('div');
      outer.className = 'message-' + message.type + ' ' + message.type + ' message';
      outer.setAttribute('data-ui-id', 'message-' + message.type);
      var inner = document.createElement('div');
      inner.textContent = decodeEntities(String(message.text));
      outer.appendChild(inner);
      box.appendChild(outer);
    });
    document.cookie = 'mage-messages=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/; SameSite=Strict';
  }

  // The sign-in popup Luma renders hidden into #authenticationPopup (ids #login-form, #pass, #send2).
  var popup = document.getElementById('authenticationPopup');
  if (popup) {
    popup.innerHTML = '<div class="block-authentication"><form class="form form-login" method="post" id="login-form">' +
      '<div class="field email required"><label class="label" for="customer-email"><span>Email Address</span></label>' +
      '<input name="username" id="customer-email" type="email" class="input-text"></div>' +
      '<div class="field password required"><label for="pass" class="label"><span>Password</span></label>' +
      '<input name="password" type="password" class="input-text" id="pass"></div>' +
      '<button type="submit" class="action action-login secondary" name="send" id="send2"><span>Sign In</span></button></form></div>';
  }

  // Magento_Customer "Show Password" (Knockout-rendered in Luma).
  document.querySelectorAll('[data-bind="scope: \\'showPassword\\'"]').forEach(function (holder) {
    holder.innerHTML = '<input type="checkbox" name="show-password" title="Show Password" id="show-password" class="checkbox">' +
      '<label for="show-password" class="label"><span>Show Password</span></label>';
    holder.querySelector('#show-password').addEventListener('change', function (event) {
      var form = holder.closest('form');
      form.querySelectorAll('input[name="password"], input[name="password_confirmation"], input[name="login[password]"]').forEach(function (input) {
        input.type = event.target.checked ? 'text' : 'password';
      });
    });
  });

  // jQuery-validate with Magento's rules, in the order Magento applies them.
  var EMAIL = /^([a-z0-9,!#$%&'*+\\/=?^_\`{|}~-]|[\\u00A0-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFEF])+(\\.([a-z0-9,!#$%&'*+\\/=?^_\`{|}~-]|[\\u00A0-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFEF])+)*@([a-z0-9-]|[\\u00A0-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFEF])+(\\.([a-z0-9-]|[\\u00A0-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFEF])+)*\\.(([a-z]|[\\u00A0-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFEF]){2,})$/i;
  function classesOf(value) {
    return [/\\d+/, /[a-z]+/, /[A-Z]+/, /[^a-zA-Z0-9]+/].filter(function (re) { return re.test(value); }).length;
  }
  function passwordProblem(input) {
    var pass = input.value.trim();
    var minLength = Number(input.getAttribute('data-password-min-length'));
    var minClasses = Number(input.getAttribute('data-password-min-character-sets'));
    if (pass.length < minLength) {
      return 'Minimum length of this field must be equal or greater than ' + minLength + ' symbols. Leading and trailing spaces will be ignored.';
    }
    if (classesOf(pass) < minClasses) {
      return 'Minimum of different classes of characters in password is ' + minClasses + '. Classes of characters: Lower Case, Upper Case, Digits, Special Characters.';
    }
    return null;
  }
  function problemOf(input) {
    var rules = input.getAttribute('data-validate') || '';
    var value = input.value;
    if (/required:true/.test(rules) && value.trim() === '') return 'This is a required field.';
    if (value === '') return null;
    if (/'validate-email':true/.test(rules) && !EMAIL.test(value)) return 'Please enter a valid email address (Ex: johndoe@domain.com).';
    if (/'validate-customer-password':true/.test(rules)) { var weak = passwordProblem(input); if (weak) return weak; }
    var equalTo = /equalTo:'([^']+)'/.exec(rules);
    if (equalTo) { var other = input.form.querySelector(equalTo[1]); if (other && other.value !== value) return 'Please enter the same value again.'; }
    return null;
  }
  function show(input, problem) {
    var id = input.id + '-error';
    var shown = document.getElementById(id);
    if (problem === null) {
      if (shown) shown.remove();
      input.classList.remove('mage-error');
      input.removeAttribute('aria-invalid');
      return;
    }
    if (!shown) {
      shown = document.createElement('div');
      shown.id = id;
      shown.className = 'mage-error';
      shown.setAttribute('for', input.id);
      shown.setAttribute('generated', 'true');
      var after = input.parentNode.querySelector('#password-strength-meter-container') || input;
      after.insertAdjacentElement('afterend', shown);
    }
    shown.textContent = problem;
    input.classList.add('mage-error');
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', id);
  }
  var formKey = document.querySelector('.column.main > input[name="form_key"]');
  document.querySelectorAll('form[data-mage-init*="validation"]').forEach(function (form) {
    form.setAttribute('novalidate', 'novalidate');
    var inputs = Array.prototype.slice.call(form.querySelectorAll('input[data-validate]'));
    var submitted = false;
    inputs.forEach(function (input) {
      input.addEventListener('input', function () { if (submitted) show(input, problemOf(input)); });
      // mage/trim-input
      if ((input.getAttribute('data-mage-init') || '').indexOf('trim-input') >= 0) {
        input.addEventListener('change', function () { input.value = input.value.trim(); });
      }
    });
    form.addEventListener('submit', function (event) {
      submitted = true;
      var failed = inputs.filter(function (input) { var problem = problemOf(input); show(input, problem); return problem !== null; });
      if (failed.length > 0) { event.preventDefault(); failed[0].focus(); return; }
      if (formKey && !form.querySelector('input[name="form_key"]') && form.method.toLowerCase() === 'post') {
        var key = document.createElement('input');
        key.type = 'hidden'; key.name = 'form_key'; key.value = formKey.value;
        form.appendChild(key);
      }
    });
  });

  // Magento_Customer/js/password-strength-indicator: label and container class.
  var meter = document.getElementById('password-strength-meter-container');
  var password = document.querySelector('form.password.reset #password');
  if (meter && password) {
    password.addEventListener('input', function () {
      var value = password.value;
      var level = 0;
      if (value !== '') {
        level = passwordProblem(password) !== null ? 1 : value.trim().length >= 12 ? 4 : classesOf(value) >= 4 ? 3 : 2;
      }
      var names = ['No Password', 'Weak', 'Medium', 'Strong', 'Very Strong'];
      var classes = ['password-none', 'password-weak', 'password-medium', 'password-strong', 'password-very-strong'];
      meter.className = classes[level];
      document.getElementById('password-strength-meter-label').textContent = names[level];
    });
  }

  // The CAPTCHA's reload button draws a new word (Luma refreshes the image over Ajax).
  document.querySelectorAll('.captcha-reload').forEach(function (button) {
    button.addEventListener('click', function () { window.location.reload(); });
  });
})();
`;
