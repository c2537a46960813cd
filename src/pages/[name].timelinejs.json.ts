import { timelineFileRoute } from '../lib/exports/timeline-route.ts';

/** `/timeline.timelinejs.json`: see `TIMELINE_FILES`. */
export const { getStaticPaths, GET } = timelineFileRoute('timeline.timelinejs.json');
