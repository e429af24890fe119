import { PageConcepts } from '@/components/concepts/page-concepts';
import { VideoOutline } from '@/components/video/video-outline';

/** The side panel's page tab: the video's outline and the concepts marked on the page. */
export function PageTab() {
  return (
    <>
      <VideoOutline />
      <PageConcepts />
    </>
  );
}
