import { testAgainstFixtures } from '../../../../test/support/govuk-fixtures.ts';
import { NotificationBanner, type NotificationBannerProps } from './notification-banner.tsx';

testAgainstFixtures('notification-banner', (options) => (
  <NotificationBanner {...(options as NotificationBannerProps)} />
));
