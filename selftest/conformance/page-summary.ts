// A storefront page's essential shape, read from its static HTML the way the recorder summarised
// real Luma pages (transcripts/2.4.*-storefront, `summary`): title, main heading, the forms inside
// <main> with every input's attributes and label and every button, and the strength meter's markup.
// Only the shape is compared; the byte-exact recorded HTML stays as the reference.

export type Attributes = Record<string, string>;
export type FormSummary = { [attribute: string]: string | Attributes[] | undefined; fields?: Attributes[]; buttons?: Attributes[] };
export type PageSummary = {
  title: string;
  main_heading: string;
  forms: FormSummary[];
  messages_in_html: string[];
  password_strength_meter_markup?: string;
};

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export const decodeEntities = (text: string): string =>
  text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });

const textOf = (html: string): string => decodeEntities(html.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();

function attributesOf(tag: string): Attributes {
  const attributes: Attributes = {};
  const body = tag.replace(/^<\w+/, '').replace(/\/?>$/, '');
  for (const match of body.matchAll(/([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    const [, name = '', double, single, bare] = match;
    // Knockout bindings are behaviour, not shape: the recorder left them out.
    if (name.toLowerCase() !== 'data-bind') attributes[name.toLowerCase()] = decodeEntities(double ?? single ?? bare ?? '');
  }
  return attributes;
}

function formSummary(formTag: string, inner: string, labels: ReadonlyMap<string, string>): FormSummary {
  const form: FormSummary = attributesOf(formTag);
  const fields = [...inner.matchAll(/<(input|select|textarea)\b[^>]*>/gi)].map(([tag, name = '']) => {
    const attributes = attributesOf(tag);
    const label = attributes.id === undefined ? undefined : labels.get(attributes.id);
    return { tag: name.toLowerCase(), ...attributes, ...(label === undefined ? {} : { label }) };
  });
  const buttons = [...inner.matchAll(/(<button\b[^>]*>)([\s\S]*?)<\/button>/gi)].map(([, tag = '', text = '']) => ({
    ...attributesOf(tag),
    text: textOf(text),
  }));
  return { ...form, fields, buttons };
}

export function pageSummary(html: string): PageSummary {
  const title = textOf(/<title>([\s\S]*?)<\/title>/i.exec(html)?.[1] ?? '');
  const main = /<main\b[\s\S]*?<\/main>/i.exec(html)?.[0] ?? '';
  // Knockout templates and inline scripts are not part of the static page.
  const staticMain = main.replace(/<script\b[\s\S]*?<\/script>/gi, '');
  const mainHeading = textOf(/<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(staticMain)?.[1] ?? '');
  const labels = new Map(
    [...staticMain.matchAll(/(<label\b[^>]*>)([\s\S]*?)<\/label>/gi)].flatMap(([, tag = '', text = '']) => {
      const target = attributesOf(tag).for;
      return target === undefined ? [] : [[target, textOf(text)] as const];
    }),
  );
  const forms = [...staticMain.matchAll(/(<form\b[^>]*>)([\s\S]*?)<\/form>/gi)].map(([, tag = '', inner = '']) => formSummary(tag, inner, labels));
  const messagesInHtml = [...staticMain.matchAll(/<div class="message-(?:success|error|warning|notice)[^"]*"[^>]*>([\s\S]*?)<\/div>\s*<\/div>/gi)].map(
    ([, text = '']) => textOf(text),
  );
  const meter = /<div id="password-strength-meter-container"[\s\S]*?<\/div>\s*<\/div>/.exec(staticMain)?.[0];
  return {
    title,
    main_heading: mainHeading,
    forms,
    messages_in_html: messagesInHtml,
    ...(meter === undefined ? {} : { password_strength_meter_markup: meter }),
  };
}
