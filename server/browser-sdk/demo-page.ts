import { javascriptSnippet } from "../../components/sources/install-snippets";

export type DemoSource = {
  id: string;
  workspaceId: string;
  name: string;
  writeKey: string;
  enabled: boolean;
  globalName: string;
  allowedOrigins: string[];
};

function html(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** JSON inside a <script type="application/json"> element: nothing in it can close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

/** The page's own behaviour: buttons call the SDK, and every event the SDK sends is listed. */
const DEMO_SCRIPT = `
(function () {
  var config = JSON.parse(document.getElementById("demo-config").textContent);
  var sdk = function () { return window[config.globalName]; };
  var list = document.getElementById("sent");
  var empty = document.getElementById("sent-empty");
  var status = document.getElementById("status");
  var buttons = document.querySelectorAll("button[data-call]");

  function field(id) { return document.getElementById(id).value.trim(); }

  function show(event) {
    empty.hidden = true;
    var item = document.createElement("li");
    var title = document.createElement("p");
    title.className = "title";
    var label = event.type + (event.event ? " \\u00b7 " + event.event : event.name ? " \\u00b7 " + event.name : "");
    title.textContent = label + " (" + new Date().toLocaleTimeString() + ")";
    var body = document.createElement("pre");
    body.textContent = JSON.stringify(event, null, 2);
    item.appendChild(title);
    item.appendChild(body);
    list.insertBefore(item, list.firstChild);
  }

  sdk().addSourceMiddleware(function (middleware) {
    show(middleware.payload.obj);
    middleware.next(middleware.payload);
  });

  sdk().ready(function () {
    status.textContent = "The SDK is loaded: events go to this source.";
    status.dataset.state = "ready";
    buttons.forEach(function (button) { button.disabled = false; });
  });

  document.getElementById("calls").addEventListener("submit", function (e) { e.preventDefault(); });
  buttons.forEach(function (button) {
    button.addEventListener("click", function () {
      var call = button.dataset.call;
      if (call === "identify") sdk().identify(field("user-id") || undefined, { email: field("email") || undefined });
      else if (call === "track") sdk().track(field("event-name") || "Button Clicked", { demo: true });
      else if (call === "page") sdk().page(field("page-name") || undefined);
      else if (call === "reset") sdk().reset();
    });
  });
})();
`;

const STYLE = `
*{box-sizing:border-box}
body{margin:0;background:#fafafa;color:#18181b;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue","Liberation Sans",Arial,sans-serif;-webkit-font-smoothing:antialiased}
:focus-visible{outline:2px solid #4f46e5;outline-offset:2px}
header{border-bottom:1px solid #e4e4e7;background:#fff}
header div,main{max-width:64rem;margin:0 auto;padding:0 1.25rem}
header div{display:flex;align-items:center;justify-content:space-between;height:3.5rem;font-weight:600}
header a,.link{color:#4f46e5;font-weight:500;text-decoration:none}
header a:hover,.link:hover{text-decoration:underline}
main{padding-top:2rem;padding-bottom:3rem}
h1{font-size:1.5rem;margin:0 0 .25rem}
h2{font-size:1rem;margin:0 0 .75rem}
.lead{color:#52525b;margin:0 0 1.5rem}
.grid{display:grid;gap:1.25rem;grid-template-columns:minmax(0,1fr)}
@media(min-width:56rem){.grid{grid-template-columns:minmax(0,20rem) minmax(0,1fr)}}
.card{background:#fff;border:1px solid #e4e4e7;border-radius:.75rem;padding:1.25rem;box-shadow:0 1px 2px rgb(0 0 0/.04)}
fieldset{border:0;margin:0 0 1.25rem;padding:0}
legend{font-weight:600;margin-bottom:.5rem}
label{display:block;font-size:.8125rem;color:#52525b;margin:.5rem 0 .25rem}
input{width:100%;border:1px solid #d4d4d8;border-radius:.375rem;padding:.375rem .625rem;font:inherit;background:#fff}
button{margin-top:.625rem;border:0;border-radius:.375rem;padding:.4375rem .875rem;font:inherit;font-weight:500;background:#18181b;color:#fff;cursor:pointer}
button:hover{background:#3f3f46}
button:disabled{background:#a1a1aa;cursor:not-allowed}
button.secondary{background:#fff;color:#18181b;border:1px solid #d4d4d8}
.status{margin:0 0 1.25rem;padding:.625rem .875rem;border-radius:.5rem;background:#fffbeb;border:1px solid #fde68a;color:#78350f}
.status[data-state=ready]{background:#f0fdf4;border-color:#bbf7d0;color:#14532d}
.status[data-state=disabled]{background:#fef2f2;border-color:#fecaca;color:#7f1d1d}
ol{list-style:none;margin:0;padding:0}
li{border-top:1px solid #f4f4f5;padding:.75rem 0}
li:first-child{border-top:0;padding-top:0}
.title{margin:0 0 .375rem;font-weight:600}
pre{margin:0;overflow:auto;max-height:18rem;background:#f4f4f5;border-radius:.5rem;padding:.75rem;font:12px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;white-space:pre}
.muted{color:#71717a;margin:0}
details{margin-top:1.25rem}
summary{cursor:pointer;font-weight:600}
details pre{margin-top:.75rem}
`;

/**
 * A page that loads the source's snippet and sends identify, track and page calls at the press
 * of a button, listing what the SDK sends: a first event without writing any code.
 */
export function renderDemoPage(source: DemoSource, baseUrl: string, nonce: string): string {
  const snippet = javascriptSnippet({ baseUrl, writeKey: source.writeKey, globalName: source.globalName });
  const withNonce = snippet.replace(/^<script>/, `<script nonce="${nonce}">`);
  const sourceUrl = `/w/${encodeURIComponent(source.workspaceId)}/sources/${encodeURIComponent(source.id)}`;
  const status = source.enabled
    ? `<p class="status" id="status" role="status">Loading the SDK from this server…</p>`
    : `<p class="status" id="status" role="status" data-state="disabled">This source is disabled: Switchyard refuses its events until it is enabled again.</p>`;
  const origin = new URL(baseUrl).origin;
  const refused =
    source.allowedOrigins.length > 0 && !source.allowedOrigins.includes(origin)
      ? `<p class="status" data-state="disabled">This source accepts events only from ${source.allowedOrigins.map(html).join(", ")}: add ${html(origin)} to its allowed origins to send from this page.</p>`
      : "";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="icon" href="data:,">
<title>Demo · ${html(source.name)} · Switchyard</title>
<style nonce="${nonce}">${STYLE}</style>
<script type="application/json" id="demo-config">${scriptJson({ globalName: source.globalName })}</script>
${withNonce}
</head>
<body>
<header><div><span>Switchyard</span><a href="${html(sourceUrl)}">Open the source</a></div></header>
<main>
<h1>Demo: ${html(source.name)}</h1>
<p class="lead">This page loads the JavaScript snippet of this source, as your website would. Press a button and the event appears in the source's live events within seconds.</p>
${status}
${refused}
<div class="grid">
<form class="card" id="calls" aria-label="Send events">
<fieldset><legend>Identify</legend>
<label for="user-id">User id</label><input id="user-id" value="user-1" autocomplete="off">
<label for="email">Email</label><input id="email" type="email" value="ada@example.com" autocomplete="off">
<button type="button" data-call="identify" disabled>Send identify</button></fieldset>
<fieldset><legend>Track</legend>
<label for="event-name">Event name</label><input id="event-name" value="Button Clicked" autocomplete="off">
<button type="button" data-call="track" disabled>Send track</button></fieldset>
<fieldset><legend>Page</legend>
<label for="page-name">Page name (optional)</label><input id="page-name" value="" autocomplete="off">
<button type="button" data-call="page" disabled>Send page</button></fieldset>
<button type="button" class="secondary" data-call="reset" disabled>Forget the user (reset)</button>
</form>
<section class="card" aria-labelledby="sent-heading">
<h2 id="sent-heading">Sent from this page</h2>
<p class="muted" id="sent-empty">Nothing yet.</p>
<ol id="sent" aria-live="polite"></ol>
<details><summary>The snippet on this page</summary><pre>${html(snippet)}</pre></details>
</section>
</div>
</main>
<script nonce="${nonce}">${DEMO_SCRIPT}</script>
</body>
</html>`;
}

/** Only this page's scripts and styles, and the SDK from this server. */
export function demoPageCsp(baseUrl: string, nonce: string): string {
  const origin = new URL(baseUrl).origin;
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}' 'self' ${origin}`,
    `connect-src 'self' ${origin}`,
    `style-src 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
}
