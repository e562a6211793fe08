// The CIL's dashboard figures (issue 8): pure functions over the records, the day and the settings.
export { dashboardOf } from './dashboard';
export { glanceOf, type Glance } from './glance';
export { quarterlyReviewOf } from './quarterly-review';
export * from './types';
