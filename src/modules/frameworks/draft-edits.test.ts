import assert from 'node:assert/strict';
import { test } from 'node:test';
import { builtinFrameworks } from './builtin/index.ts';
import {
  addElement,
  addHeading,
  allElementKeys,
  keyFromName,
  moveElement,
  moveHeading,
  removeElement,
  renameHeading,
  setScale,
  updateElement,
} from './draft-edits.ts';
import { checkFrameworkDocument } from './framework-document.ts';

const [development] = builtinFrameworks;
assert.ok(development);

test('a key is made from the name: lowercase words, unique, never reserved, never too long', () => {
  assert.equal(keyFromName('Vision, culture & ethos', [], 'heading'), 'vision-culture-ethos');
  assert.equal(keyFromName('Élan vital', [], 'heading'), 'elan-vital');
  assert.equal(keyFromName('Vision', ['vision', 'vision-2'], 'heading'), 'vision-3');
  assert.equal(keyFromName('New', [], 'heading'), 'new-2', 'the address of the "add" page is not a key');
  assert.equal(keyFromName('!!', [], 'element'), 'element');
  assert.equal(keyFromName('A', ['element'], 'element'), 'element-2');
  const long = keyFromName('word '.repeat(40), [], 'heading');
  assert.ok(long.length <= 57 && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(long), long);
});

test('adding a heading or an element makes new keys; changing them keeps every existing key', () => {
  const added = addHeading(development, { name: 'Vision, culture and ethos', elementName: 'Clarity of purpose' });
  assert.equal(added.headingKey, 'vision-culture-and-ethos');
  assert.equal(added.elementKey, 'clarity-of-purpose-2', 'element keys are unique across the framework');
  const before = allElementKeys(added.document);
  const renamed = renameHeading(added.document, added.headingKey, 'Culture');
  const updated = updateElement(renamed, added.headingKey, added.elementKey, {
    name: 'Purpose, renamed',
    summary: '',
    questions: ['Why?'],
    descriptors: { red: 'Unclear', green: '' },
  });
  assert.deepEqual(allElementKeys(updated), before);
  const element = updated.headings.at(-1)?.elements[0];
  assert.deepEqual(element, {
    key: 'clarity-of-purpose-2',
    name: 'Purpose, renamed',
    questions: ['Why?'],
    descriptors: { red: 'Unclear' },
  });
  assert.ok(checkFrameworkDocument(updated).ok);
  const { elementKey } = addElement(updated, added.headingKey, {
    name: 'Clarity of purpose',
    summary: '',
    questions: [],
    descriptors: {},
  });
  assert.equal(elementKey, 'clarity-of-purpose-3');
});

test('moving swaps with the neighbour and goes no further than the ends; removing takes only what it names', () => {
  const keys = (document: typeof development) => document.headings.map((heading) => heading.key);
  const [first, second] = keys(development);
  assert.ok(first && second);
  assert.deepEqual(keys(moveHeading(development, second, 'up')).slice(0, 2), [second, first]);
  assert.deepEqual(keys(moveHeading(development, first, 'up')), keys(development));
  const heading = development.headings[0];
  assert.ok(heading && heading.elements.length >= 2);
  const [a, b] = heading.elements.map((element) => element.key);
  assert.ok(a && b);
  const moved = moveElement(development, heading.key, a, 'down');
  assert.deepEqual(
    moved.headings[0]?.elements.slice(0, 2).map((element) => element.key),
    [b, a],
  );
  const removed = removeElement(development, heading.key, a);
  assert.equal(removed.headings[0]?.elements.length, heading.elements.length - 1);
  assert.equal(allElementKeys(removed).length, allElementKeys(development).length - 1);
});

test('the scale keeps the keys of its levels, makes keys for new ones, and drops descriptors of removed ones', () => {
  const levels = development.scale.levels.map((level) => ({
    key: level.key,
    label: level.label,
    meaning: level.meaning ?? '',
    colour: level.colour,
    descriptor: level.descriptor ?? '',
  }));
  const [red, ...others] = levels;
  assert.ok(red);
  const changed = setScale(development, [
    ...others,
    { key: 'made-up', label: 'Outstanding', meaning: '', colour: '#000000', descriptor: '' },
    { key: '', label: 'Green', meaning: '', colour: '#00ff00', descriptor: '' },
  ]);
  assert.deepEqual(
    changed.scale.levels.map((level) => level.key),
    ['amber-red', 'amber-green', 'green', 'outstanding', 'green-2'],
  );
  const descriptorLevels = new Set(
    changed.headings.flatMap((heading) => heading.elements.flatMap((element) => Object.keys(element.descriptors))),
  );
  assert.ok(!descriptorLevels.has('red'), 'what elements said at the removed level goes with it');
  assert.ok(checkFrameworkDocument(changed).ok);
});
