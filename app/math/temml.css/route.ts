import { temmlFileRoute } from '@/lib/site/math-assets';

export const dynamic = 'force-static';
export const { GET } = temmlFileRoute('Temml-Local.css', 'text/css; charset=utf-8');
