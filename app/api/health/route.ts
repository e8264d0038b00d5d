// /api/health: JSON for load balancers and people. 200 while this process answers and the database
// reads (status "degraded" names what is missing, e.g. no worker), 503 when the database cannot be read.
import { NextResponse } from 'next/server';
import { health } from '@/lib/processes/health';

export const dynamic = 'force-dynamic';

export function GET() {
  const report = health();
  return NextResponse.json(report, {
    status: report.status === 'error' ? 503 : 200,
    headers: { 'Cache-Control': 'no-store' },
  });
}
