import { temmlFileRoute } from '@/lib/site/math-assets';

export const dynamic = 'force-static';
export const { GET } = temmlFileRoute('Temml.woff2', 'font/woff2');
