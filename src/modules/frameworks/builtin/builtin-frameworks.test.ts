import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FrameworkDocument } from '../framework-document.ts';
import { builtinFrameworks } from './index.ts';

/** The content of the built-in frameworks; their round trip through export and import is tested with the format. */

function builtin(key: string): FrameworkDocument {
  const found = builtinFrameworks.find((framework) => framework.key === key);
  assert.ok(found, `the built-in framework ${key} exists`);
  return found;
}

const elementsOf = (framework: FrameworkDocument) => framework.headings.flatMap((heading) => heading.elements);

test('both built-ins load, with keys unique across each framework', () => {
  assert.deepEqual(
    builtinFrameworks.map((framework) => framework.key),
    ['trust-development', 'trust-governance'],
  );
  for (const framework of builtinFrameworks) {
    const keys = elementsOf(framework).map((element) => element.key);
    assert.equal(new Set(keys).size, keys.length, `${framework.key} has unique element keys`);
  }
});

test('the trust development framework has the six headings and the fourteen named elements', () => {
  const framework = builtin('trust-development');
  assert.deepEqual(
    framework.headings.map((heading) => heading.name),
    [
      'Vision, culture and ethos',
      'People and partners',
      'Teaching and learning',
      'Curriculum and assessment',
      'Quality assurance and accountability',
      'Leadership and governance',
    ],
  );
  assert.deepEqual(
    elementsOf(framework)
      .map((element) => element.name)
      .sort(),
    [
      'Clarity of purpose',
      'Understanding of needs',
      'Leading a culture of improvement',
      'Building capacity for improvement',
      'Recruiting, developing and retaining talent',
      'Approach to pedagogy',
      'Leadership of teaching',
      'Evidence-based professional learning',
      'Aligned curriculum',
      'Intentional use of assessment',
      'Knowing schools quantitatively',
      'Knowing schools qualitatively',
      'Clarity of trust structures',
      'Capability to review and refresh',
    ].sort(),
  );
  for (const heading of framework.headings) assert.ok(heading.elements.length >= 2 && heading.elements.length <= 3);
  const levels = framework.scale.levels;
  assert.deepEqual(
    levels.map((level) => level.key),
    ['red', 'amber-red', 'amber-green', 'green'],
  );
  assert.equal(levels[0]?.meaning, 'Weak capacity');
  assert.equal(levels[3]?.meaning, 'Strong capacity');
  for (const element of elementsOf(framework)) {
    assert.deepEqual(Object.keys(element.descriptors), ['red', 'green'], `${element.key} describes only the ends`);
    assert.ok(element.questions.length >= 3 && element.questions.length <= 5, `${element.key} has 3–5 questions`);
  }
});

test('the governance framework has twenty elements under the seven principles, described at the ends', () => {
  const framework = builtin('trust-governance');
  assert.deepEqual(
    framework.headings.map((heading) => heading.name),
    [
      'Delivering the academy trust charitable objects',
      'Leadership',
      'Integrity',
      'Decision making, risk and control',
      'Board effectiveness',
      'Equality, diversity and inclusion',
      'Openness and accountability',
    ],
  );
  assert.equal(elementsOf(framework).length, 20);
  assert.deepEqual(
    framework.scale.levels.map((level) => [level.key, level.descriptor !== undefined]),
    [
      ['weak', true],
      ['developing', false],
      ['secure', false],
      ['strong', true],
    ],
  );
  for (const element of elementsOf(framework)) {
    assert.deepEqual(Object.keys(element.descriptors), ['weak', 'strong'], `${element.key} describes only the ends`);
    assert.ok(element.questions.length >= 3 && element.questions.length <= 5, `${element.key} has 3–5 questions`);
  }
});
