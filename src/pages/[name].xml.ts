import { timelineFileRoute } from '../lib/exports/timeline-route.ts';

/** `/feed.xml`: see `TIMELINE_FILES`. */
export const { getStaticPaths, GET } = timelineFileRoute('feed.xml');
