// POST /follow (the home page's forms, without JavaScript): keeps the chosen categories in this
// browser's cookie and goes back to the home page, which shows them.
import { knownCategories } from '@/lib/papers/home';
import { FOLLOW_COOKIE, parseFollowed } from '@/lib/papers/follow';

export const dynamic = 'force-dynamic';

export async function POST(request: Request) {
  const form = await request.formData().catch(() => null);
  const categories = knownCategories(parseFollowed(form?.getAll('follow').map(String) ?? []));
  const cookie = `${FOLLOW_COOKIE}=${encodeURIComponent(categories.join(','))}; Path=/; Max-Age=${60 * 60 * 24 * 730}; SameSite=Lax`;
  return new Response(null, { status: 303, headers: { location: '/', 'set-cookie': cookie } });
}
