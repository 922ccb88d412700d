// Magento's REST XML renderer (F/Webapi/Rest/Response/Renderer/Xml.php over F/Xml/Generator.php):
// the data wrapped in <response>, lists as <item> children, booleans as `true`/`false`,
// DOMDocument::saveXML with two-space indentation.

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function scalarText(value: string | number | boolean | null | undefined): string {
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value === null || value === undefined) return '';
  return String(value);
}

// Renderer::_prepareKey drops characters that cannot start or be part of a tag name.
function tagName(key: string): string {
  const cleaned = key.replace(/[!"#$%&'()*+,/;<=>?@[\\\]^`{|}~]/g, '').replace(/[ :]/g, '_').replace(/^_+|_+$/g, '');
  return /^[0-9,.-]/.test(cleaned) ? `item_${cleaned}` : cleaned;
}

function element(name: string, value: unknown, indent: string): string {
  if (value !== null && typeof value === 'object') {
    const children = Array.isArray(value)
      ? value.map((item) => element('item', item, `${indent}  `))
      : Object.entries(value).map(([key, item]) => element(tagName(key), item, `${indent}  `));
    if (children.length === 0) return `${indent}<${name}/>\n`;
    return `${indent}<${name}>\n${children.join('')}${indent}</${name}>\n`;
  }
  return `${indent}<${name}>${escapeText(scalarText(value as string | number | boolean | null | undefined))}</${name}>\n`;
}

/** The XML body Magento renders for `data` (an error body or a service result). */
export function renderXml(data: unknown): string {
  return `<?xml version="1.0"?>\n${element('response', data, '')}`;
}
