import { PageConcepts } from '@/components/concepts/page-concepts';
import { VideoOutline } from '@/components/video/video-outline';
import { DueBadge } from '@/components/review/due-badge';

/** The side panel's page tab: what is due for review, the video's outline and the concepts marked on the page. */
export function PageTab() {
  return (
    <>
      <DueBadge />
      <VideoOutline />
      <PageConcepts />
    </>
  );
}
