import { ArchivePage, archiveMetadata } from '@/app/(site)/archive-pages';

export const generateMetadata = archiveMetadata;
export default ArchivePage;
