// The Luma pages of the reset slice, as minimal HTML with Luma's forms, fields, ids, classes and
// validation attributes (recorded: transcripts/2.4.*-storefront, each page's `summary`). What Luma
// renders with Knockout (messages, the sign-in popup, "Show Password") the page script renders.
import { escapeHtml } from '../mail/templates/html-escape.js';
import { PAGE_SCRIPT, PAGE_STYLE } from './page-script.js';
import { disabledUntilRecaptcha, recaptchaWidgetHtml, type RecaptchaWidget } from './recaptcha.js';

export interface PageFrame {
  baseUrl: string;
  formKey: string;
  /** The signed-in customer's name for the header, if any. */
  customerName: string | null;
}

/** Magento's url encoder for `referer/<…>/`: base64 with `+/=` spelt `-_,`. */
export const refererParam = (url: string): string =>
  Buffer.from(url).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=/g, ',');

const titleBlock = (title: string): string =>
  `<div class="page-title-wrapper"><h1 class="page-title"><span class="base" data-ui-id="page-title-wrapper">${title}</span></h1></div>`;

function layout(
  frame: PageFrame,
  page: { title: string; bodyClass: string; content: string; titleInColumn?: boolean; sidebar?: string },
): string {
  const { baseUrl } = frame;
  const links =
    frame.customerName === null
      ? `<li class="greet welcome">Default welcome msg!</li><li class="authorization-link"><a href="${baseUrl}customer/account/login/">Sign In</a></li><li><a href="${baseUrl}customer/account/create/">Create an Account</a></li>`
      : `<li class="greet welcome">Welcome, ${escapeHtml(frame.customerName)}!</li><li class="authorization-link"><a href="${baseUrl}customer/account/logout/">Sign Out</a></li>`;
  const title = titleBlock(page.title);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8"/>
<link rel="icon" href="data:,"/>
<title>${page.title}</title>
<style>${PAGE_STYLE}</style>
</head>
<body data-container="body" id="html-body" class="${page.bodyClass}">
<div class="page-wrapper">
<header class="page-header"><div class="panel header"><ul class="header links">${links}</ul></div>
<div class="header content"><a class="logo" href="${baseUrl}" title="Luma">LUMA</a></div></header>
<main id="maincontent" class="page-main"><a id="contentarea" tabindex="-1"></a>
${page.titleInColumn ? '' : title}
<div class="page messages"><div data-placeholder="messages"></div><div data-bind="scope: 'messages'"><div aria-atomic="true" role="alert" class="messages" data-role="cookie-messages"></div><div aria-atomic="true" role="alert" class="messages"></div></div></div>
<div class="columns"><div class="column main">${page.titleInColumn ? title : ''}<input name="form_key" type="hidden" value="${frame.formKey}" /><div id="authenticationPopup" style="display: none"></div>
${page.content}
</div>${page.sidebar ?? ''}</div></main>
<footer class="page-footer"><div class="footer content">
<div class="block newsletter"><form class="form subscribe" novalidate action="${baseUrl}newsletter/subscriber/new/" method="post" id="newsletter-validate-detail">
<label class="label" for="newsletter"><span>Sign Up for Our Newsletter:</span></label>
<input name="email" type="email" id="newsletter" placeholder="Enter your email address" data-validate="{required:true, 'validate-email':true}"/>
<button class="action subscribe primary" title="Subscribe" type="submit"><span>Subscribe</span></button></form></div>
<small class="copyright"><span>Copyright © 2013-present Magento, Inc. All rights reserved.</span></small>
</div></footer>
</div>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}

export interface CaptchaView {
  formId: string;
  imageSrc: string;
}

export function forgotPasswordPage(frame: PageFrame, emailValue: string, captcha: CaptchaView | null, recaptcha: RecaptchaWidget | null): string {
  const { baseUrl } = frame;
  const captchaBlock =
    captcha === null
      ? ''
      : `<div class="field captcha required" role="${captcha.formId}">
    <label for="captcha_${captcha.formId}" class="label"><span>Please type the letters and numbers below</span></label>
    <div class="control captcha">
        <input name="captcha[${captcha.formId}]" type="text" class="input-text required-entry" data-validate="{required:true}" id="captcha_${captcha.formId}" autocomplete="off"/>
        <div class="nested"><div class="field captcha no-label" data-captcha="${captcha.formId}" id="captcha-container-${captcha.formId}">
            <div class="control captcha-image">
                <img alt="Please&#x20;type&#x20;the&#x20;letters&#x20;and&#x20;numbers&#x20;below" class="captcha-img" height="50" src="${captcha.imageSrc}"/>
                <button type="button" class="action reload captcha-reload" title="Reload&#x20;captcha"><span>Reload captcha</span></button>
            </div>
        </div></div>
    </div>
</div>`;
  const back = `${baseUrl}customer/account/login/referer/${refererParam(`${baseUrl}customer/account/forgotpassword/`)}/`;
  return layout(frame, {
    title: 'Forgot Your Password?',
    bodyClass: 'customer-account-forgotpassword page-layout-1column',
    content: `<form class="form password forget"
      action="${baseUrl}customer/account/forgotpasswordpost/"
      method="post"
      id="form-validate"
      data-mage-init='{"validation":{}}'>
    <fieldset class="fieldset" data-hasrequired="&#x2A;&#x20;Required&#x20;Fields">
        <div class="field note">Please enter your email address below to receive a password reset link.</div>
        <div class="field email required">
            <label for="email_address" class="label"><span>Email</span></label>
            <div class="control">
                <input type="email" name="email" alt="email" id="email_address" class="input-text" value="${escapeHtml(emailValue)}" data-mage-init='{"mage/trim-input":{}}' data-validate="{required:true, 'validate-email':true}">
            </div>
        </div>
        ${captchaBlock}
        ${recaptcha === null ? '' : recaptchaWidgetHtml(recaptcha)}
    </fieldset>
    <div class="actions-toolbar">
        <div class="primary"><button type="submit" class="action submit primary" id="send2"${disabledUntilRecaptcha(recaptcha)}><span>Reset My Password</span></button></div>
        <div class="secondary"><a class="action back" href="${back}"><span>Go back</span></a></div>
    </div>
</form>`,
  });
}

export function createPasswordPage(
  frame: PageFrame,
  form: { customerId: number; token: string; minLength: string; minClasses: string },
): string {
  const action = `${frame.baseUrl}customer/account/resetpasswordpost/?id=${form.customerId}&amp;token=${encodeURIComponent(form.token)}`;
  return layout(frame, {
    title: 'Set a New Password',
    bodyClass: 'customer-account-createpassword page-layout-1column',
    content: `<form action="${action}"
      method="post"
      autocomplete="off" id="form-validate"
      class="form password reset"
      data-mage-init='{"validation":{}}'>
    <fieldset class="fieldset" data-hasrequired="&#x2A;&#x20;Required&#x20;Fields">
        <div class="field password required" data-mage-init='{"passwordStrengthIndicator": {}}'>
            <label class="label" for="password"><span>New Password</span></label>
            <div class="control">
                <input type="password" class="input-text" name="password" id="password"
                       data-password-min-length="${escapeHtml(form.minLength)}"
                       data-password-min-character-sets="${escapeHtml(form.minClasses)}"
                       data-validate="{required:true, 'validate-customer-password':true}"
                       autocomplete="off">
                <div id="password-strength-meter-container" data-role="password-strength-meter" aria-live="polite">
                    <div id="password-strength-meter" class="password-strength-meter">
                        Password Strength:
                        <span id="password-strength-meter-label" data-role="password-strength-meter-label">
                            No Password                        </span>
                    </div>
                </div>
            </div>
        </div>
        <div class="field confirmation required">
            <label class="label" for="password-confirmation"><span>Confirm New Password</span></label>
            <div class="control">
                <input type="password" class="input-text" name="password_confirmation" id="password-confirmation" data-validate="{required:true,equalTo:'#password'}" autocomplete="off">
            </div>
        </div>
        <div class="field choice" data-bind="scope: 'showPassword'"></div>
    </fieldset>
    <div class="actions-toolbar">
        <div class="primary"><button type="submit" class="action submit primary"><span>Set a New Password</span></button></div>
    </div>
</form>`,
  });
}

/** `referer` is the route parameter the page was opened with, passed on to the form's action. */
export function loginPage(frame: PageFrame, form: { referer: string | undefined; username: string; recaptcha: RecaptchaWidget | null }): string {
  const { referer } = form;
  const { baseUrl } = frame;
  const action = `${baseUrl}customer/account/loginPost/${referer === undefined ? '' : `referer/${referer}/`}`;
  return layout(frame, {
    title: 'Customer Login',
    bodyClass: 'customer-account-login page-layout-1column',
    content: `<div class="login-container"><div class="block block-customer-login">
    <div class="block-title"><strong id="block-customer-login-heading" role="heading" aria-level="2">Registered Customers</strong></div>
    <div class="block-content" aria-labelledby="block-customer-login-heading">
        <form class="form form-login"
              action="${action}"
              method="post"
              id="login-form"
              data-mage-init='{"validation":{}}'>
            <input name="form_key" type="hidden" value="${frame.formKey}" />
            <fieldset class="fieldset login" data-hasrequired="* Required Fields">
                <div class="field note">If you have an account, sign in with your email address.</div>
                <div class="field email required">
                    <label class="label" for="email"><span>Email</span></label>
                    <div class="control">
                        <input name="login[username]" value="${escapeHtml(form.username)}" autocomplete="off" id="email" type="email" class="input-text" title="Email" data-mage-init='{"mage/trim-input":{}}' data-validate="{required:true, 'validate-email':true}">
                    </div>
                </div>
                <div class="field password required">
                    <label for="pass" class="label"><span>Password</span></label>
                    <div class="control">
                        <input name="login[password]" type="password" autocomplete="off" class="input-text" id="password" title="Password" data-validate="{required:true}">
                    </div>
                </div>
                <div class="field choice" data-bind="scope: 'showPassword'"></div>
                ${form.recaptcha === null ? '' : recaptchaWidgetHtml(form.recaptcha)}
                <div class="actions-toolbar">
                    <div class="primary"><button type="submit" class="action login primary" name="send" id="send2"${disabledUntilRecaptcha(form.recaptcha)}><span>Sign In</span></button></div>
                    <div class="secondary"><a class="action remind" href="${baseUrl}customer/account/forgotpassword/"><span>Forgot Your Password?</span></a></div>
                </div>
            </fieldset>
        </form>
    </div>
</div>
<div class="block block-new-customer">
    <div class="block-title"><strong id="block-new-customer-heading" role="heading" aria-level="2">New Customers</strong></div>
    <div class="block-content" aria-labelledby="block-new-customer-heading">
        <p>Creating an account has many benefits: check out faster, keep more than one address, track orders and more.</p>
        <div class="actions-toolbar"><div class="primary"><a href="${baseUrl}customer/account/create/" class="action create primary"><span>Create an Account</span></a></div></div>
    </div>
</div></div>`,
  });
}

export function accountPage(frame: PageFrame, customer: { name: string; email: string }): string {
  const { baseUrl } = frame;
  return layout(frame, {
    title: 'My Account',
    bodyClass: 'account customer-account-index page-layout-2columns-left',
    titleInColumn: true,
    content: `<div class="block block-dashboard-info">
    <div class="block-title"><strong>Account Information</strong></div>
    <div class="block-content">
        <div class="box box-information">
            <strong class="box-title"><span>Contact Information</span></strong>
            <div class="box-content"><p>${escapeHtml(customer.name)}<br>${escapeHtml(customer.email)}<br></p></div>
            <div class="box-actions"><a class="action edit" href="${baseUrl}customer/account/edit/"><span>Edit</span></a>
            <a href="${baseUrl}customer/account/edit/changepass/1/" class="action change-password">Change Password</a></div>
        </div>
    </div>
</div>`,
    // Luma's "Recently Ordered" sidebar block carries the page's one form.
    sidebar: `<div class="sidebar sidebar-main"><div class="block block-collapsible-nav"><div class="title block-collapsible-nav-title"><strong>My Account</strong></div>
<ul class="nav items"><li class="nav item current"><strong>My Account</strong></li><li class="nav item"><a href="${baseUrl}customer/account/edit/">Account Information</a></li></ul></div></div>
<div class="sidebar sidebar-additional"><div class="block block-reorder" style="display: none">
<form method="post" class="form reorder" action="${baseUrl}checkout/cart/addgroup/" id="reorder-validate-detail">
<input name="order_items[]" type="checkbox" class="checkbox" data-validate='{"validate-one-checkbox-required-by-name": true}'/>
<div class="actions-toolbar"><div class="primary"><button type="submit" title="Add to Cart" class="action tocart primary"><span>Add to Cart</span></button></div></div>
</form></div></div>`,
  });
}

export function homePage(frame: PageFrame): string {
  return layout(frame, {
    title: 'Home Page',
    bodyClass: 'cms-home cms-index-index page-layout-1column',
    content: '<div class="cms-content">The emulated store has no catalog.</div>',
  });
}

export function notFoundPage(frame: PageFrame): string {
  return layout(frame, {
    title: '404 Not Found',
    bodyClass: 'cms-no-route cms-noroute-index page-layout-1column',
    content: '<dl><dt>The page you requested was not found.</dt></dl>',
  });
}
