import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];

/**
 * Serialises HTML to a canonical form so that two renderings can be compared:
 * attributes sorted by name, runs of whitespace collapsed, whitespace-only text
 * between elements dropped, entities decoded. Class order is kept: it is markup.
 */
export function normaliseHtml(html: string): string {
  return serialiseChildren(parseFragment(html).childNodes).trim();
}

function serialiseChildren(nodes: Node[]): string {
  return nodes.map(serialise).join('');
}

function serialise(node: Node): string {
  if (node.nodeName === '#text' && 'value' in node) {
    const text = node.value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\s+/g, ' ');
    return text.trim() === '' ? '' : text;
  }
  if (node.nodeName === '#comment') return '';
  if (!('tagName' in node)) return '';
  const attributes = [...node.attrs]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((a) => ` ${a.name}="${a.value.replace(/\s+/g, ' ').trim()}"`)
    .join('');
  const children = 'content' in node ? node.content.childNodes : node.childNodes;
  const inner = serialiseChildren(children).replace(/ (<)/g, '$1').replace(/(>) /g, '$1').trim();
  return `<${node.tagName}${attributes}>${inner}</${node.tagName}>`;
}
