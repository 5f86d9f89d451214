import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasRole, type Viewer } from '../auth/viewer.ts';
import { NavigationRegistry } from './navigation.ts';

const viewerWith = (...roles: string[]): Viewer => ({
  personId: 'p',
  displayName: 'P',
  email: 'p@example.test',
  mfaEnabled: false,
  memberships: roles.map((role) => ({ organisationId: 'o', organisationName: 'O', role })),
});

function registry(): NavigationRegistry {
  const navigation = new NavigationRegistry();
  navigation.add({
    label: 'Settings',
    href: '/admin',
    order: 90,
    visibleTo: (v) => hasRole(v, 'platform_administrator'),
  });
  navigation.add({ label: 'Home', href: '/', order: 0, visibleTo: (v) => v !== null });
  navigation.add({
    label: 'Partnerships',
    href: '/partnerships',
    order: 10,
    visibleTo: (v) => hasRole(v, 'mentor', 'ceo'),
  });
  return navigation;
}

test('each person sees only the links their roles allow, in order', () => {
  const labels = (viewer: Viewer | null) =>
    registry()
      .itemsFor(viewer, '/x')
      .map((item) => item.text);
  assert.deepEqual(labels(null), []);
  assert.deepEqual(labels(viewerWith('trustee')), ['Home']);
  assert.deepEqual(labels(viewerWith('mentor')), ['Home', 'Partnerships']);
  assert.deepEqual(labels(viewerWith('ceo', 'platform_administrator')), ['Home', 'Partnerships', 'Settings']);
});

test('the current page is marked current, and a page inside a section marks the section active', () => {
  const onList = registry().itemsFor(viewerWith('mentor'), '/partnerships');
  assert.deepEqual(onList[1], { text: 'Partnerships', href: '/partnerships', current: true });
  assert.equal(onList[0]?.current, undefined, 'Home is not current on another page');
  const inside = registry().itemsFor(viewerWith('mentor'), '/partnerships/123/meetings');
  assert.deepEqual(inside[1], { text: 'Partnerships', href: '/partnerships', active: true });
  assert.equal(inside[0]?.active, undefined, 'the home link does not claim every page');
});

test('two links to the same place are a mistake caught at start-up', () => {
  const navigation = registry();
  assert.throws(
    () => navigation.add({ label: 'Again', href: '/', order: 1, visibleTo: () => true }),
    /already has a link/,
  );
});
