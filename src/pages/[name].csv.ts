import { timelineFileRoute } from '../lib/exports/timeline-route.ts';

/** `/timeline.csv`: see `TIMELINE_FILES`. */
export const { getStaticPaths, GET } = timelineFileRoute('timeline.csv');
