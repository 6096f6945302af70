/** A value Open311 writes as an XML element: text, a number, a list of same-named children, or nested fields. */
export type XmlValue = string | number | boolean | undefined | null | XmlValue[] | { [name: string]: XmlValue };

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')
    // Characters XML 1.0 cannot carry at all.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

function element(name: string, value: XmlValue, childName: (list: string) => string): string {
  if (value === undefined || value === null) return `<${name}/>`;
  if (Array.isArray(value)) return `<${name}>${value.map((v) => element(childName(name), v, childName)).join('')}</${name}>`;
  if (typeof value === 'object') return `<${name}>${Object.entries(value).map(([k, v]) => element(k, v, childName)).join('')}</${name}>`;
  return `<${name}>${escape(String(value))}</${name}>`;
}

/** An XML document with `root` holding one `item` element per entry (Open311's list shape); nested lists name their children by `childName`. */
export function xmlDocument(root: string, item: string, entries: Record<string, XmlValue>[], childName: (list: string) => string = () => 'item'): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n<${root}>${entries.map((e) => element(item, e, childName)).join('')}</${root}>`;
}

/** An XML document of one element with fields (Open311's discovery and service definition). */
export function xmlObject(root: string, fields: Record<string, XmlValue>, childName: (list: string) => string): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, fields, childName)}`;
}
