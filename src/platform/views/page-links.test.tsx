import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderHtml } from './render.ts';
import { PageLinks, pageNumbers } from './page-links.tsx';

test('page numbers show the first, the last and the neighbours of the current page', () => {
  assert.deepEqual(pageNumbers(1, 1), [1]);
  assert.deepEqual(pageNumbers(1, 3), [1, 2, 3]);
  assert.deepEqual(pageNumbers(1, 10), [1, 2, 'gap', 10]);
  assert.deepEqual(pageNumbers(5, 10), [1, 'gap', 4, 5, 6, 'gap', 10]);
  assert.deepEqual(pageNumbers(3, 10), [1, 2, 3, 4, 'gap', 10]);
  assert.deepEqual(pageNumbers(10, 10), [1, 'gap', 9, 10]);
});

test('one page needs no links; several get previous, next and the current page marked', () => {
  const hrefFor = (page: number) => `/list?page=${page}`;
  assert.equal(PageLinks({ page: 1, pageCount: 1, hrefFor }), null);
  const html = renderHtml(<PageLinks page={2} pageCount={3} hrefFor={hrefFor} />);
  assert.match(html, /href="\/list\?page=1" rel="prev"/);
  assert.match(html, /href="\/list\?page=3" rel="next"/);
  assert.match(html, /href="\/list\?page=2" aria-label="Page 2" aria-current="page"/);
});
