import { test } from 'node:test';
import { RuleTester } from 'eslint';
import { moduleBoundaries } from './module-boundaries.js';

const cwd = process.cwd();
const file = (path: string) => `${cwd}/src/${path}`;
const tester = new RuleTester({ languageOptions: { ecmaVersion: 2022, sourceType: 'module' } });

test('module boundaries: platform, module internals and repositories stay apart', () => {
  tester.run('module-boundaries', moduleBoundaries, {
    valid: [
      { filename: file('modules/home/index.ts'), code: "import { roles } from '../people/index.ts';" },
      { filename: file('modules/people/people.service.ts'), code: "import * as r from './people.repository.ts';" },
      { filename: file('modules/people/people.routes.ts'), code: "import { x } from './people.service.ts';" },
      {
        filename: file('modules/people/views/page.tsx'),
        code: "import { Tag } from '../../../platform/views/components/tag.tsx';",
      },
      { filename: file('platform/views/layout.tsx'), code: "import { Raw } from './render.ts';" },
      { filename: file('app.ts'), code: "import { homeModule } from './modules/home/index.ts';" },
      {
        filename: file('modules/people/people.service.test.ts'),
        code: "import * as r from '../organisations/organisations.repository.ts';",
      },
      { filename: file('modules/people/x.ts'), code: "import { z } from 'zod';" },
      {
        filename: file('modules/people/people.tables.ts'),
        code: "import { organisations } from '../organisations/organisations.tables.ts';",
      },
    ],
    invalid: [
      {
        filename: file('platform/auth/viewer.ts'),
        code: "import { roles } from '../../modules/people/roles.ts';",
        errors: [{ messageId: 'platformImportsModule' }],
      },
      {
        filename: file('platform/views/layout.tsx'),
        code: "import { x } from '../../modules/people/index.ts';",
        errors: [{ messageId: 'platformImportsModule' }],
      },
      {
        filename: file('modules/home/index.ts'),
        code: "import { roles } from '../people/roles.ts';",
        errors: [{ messageId: 'moduleInternals' }],
      },
      {
        filename: file('modules/people/people.routes.ts'),
        code: "import * as r from './people.repository.ts';",
        errors: [{ messageId: 'repositoryOutsideService' }],
      },
      {
        filename: file('seed/demo-data.ts'),
        code: "import * as r from '../modules/people/people.repository.ts';",
        errors: [{ messageId: 'repositoryOutsideService' }],
      },
    ],
  });
});
