// Which REST renderer answers (F/Webapi/Rest/Request::getAcceptTypes, Response/RendererFactory):
// Accept types by descending q (ties keep their order), the first one a renderer takes.

export type RendererKind = 'json' | 'xml';

// Magento's registered renderers, in their configured order.
const RENDERERS: readonly { type: string; kind: RendererKind }[] = [
  { type: 'application/json', kind: 'json' },
  { type: 'text/xml', kind: 'xml' },
  { type: 'application/xml', kind: 'xml' },
  { type: 'application/xhtml+xml', kind: 'xml' },
];

const MIME = /^[0-9a-z*+-]+(\/[0-9a-z*+.-]+)?$/i;

function acceptTypes(header: string): string[] {
  const typed = header
    .split(/,\s*/)
    .map((definition, index) => {
      const [type = '', qualityPart] = definition.split(';');
      const [, quality] = (qualityPart ?? '').split('=');
      return { type: type.trim(), quality: quality === undefined ? 1 : Number(quality), index };
    })
    .filter(({ type }) => MIME.test(type));
  return typed.sort((a, b) => b.quality - a.quality || a.index - b.index).map(({ type }) => type);
}

/** undefined: no renderer can answer (Magento's 406, seen by clients as the HTML 500 page). */
export function chooseRenderer(acceptHeader: string | undefined): RendererKind | undefined {
  if (acceptHeader === undefined || acceptHeader.trim() === '') return 'json';
  for (const accepted of acceptTypes(acceptHeader)) {
    const renderer = RENDERERS.find(
      ({ type }) => accepted === type || accepted === `${type.split('/')[0]}/*` || accepted === '*/*',
    );
    if (renderer) return renderer.kind;
  }
  return undefined;
}
