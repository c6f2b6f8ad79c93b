/**
 * The route matcher says which page a path is and with which parameters; anything else
 * is a 404 (as the regexes it replaced: whole segments, a customer id as the server writes it).
 */
import { describe, expect, it } from 'vitest';
import { findRoute, ID_PARAM, matchPath } from './route-match.js';

const ID = '0b9a6c1e-5f2d-4e8a-9c3b-7d1e2f3a4b5c';
const routes = [
  { path: '/today' },
  { path: '/customers' },
  { path: '/customers/:id', accept: { id: ID_PARAM } },
  { path: '/customers/:id/log-visit', accept: { id: ID_PARAM } },
] as const;

describe('route matcher (web)', () => {
  it('matches literal paths exactly, with no parameters', () => {
    expect(matchPath({ path: '/today' }, '/today')).toEqual({});
    expect(matchPath({ path: '/today' }, '/today/')).toBeNull();
    expect(matchPath({ path: '/today' }, '/todays')).toBeNull();
    expect(matchPath({ path: '/today' }, '/')).toBeNull();
  });

  it('extracts the parameters by name', () => {
    expect(matchPath({ path: '/customers/:id/log-visit' }, `/customers/${ID}/log-visit`)).toEqual({ id: ID });
    expect(matchPath({ path: '/a/:x/b/:y' }, '/a/1/b/2')).toEqual({ x: '1', y: '2' });
  });

  it('refuses an empty parameter and one its test rejects', () => {
    expect(matchPath({ path: '/customers/:id' }, '/customers/')).toBeNull();
    expect(matchPath(routes[2], '/customers/not-an-id')).toBeNull();
    expect(matchPath(routes[2], `/customers/${ID.toUpperCase()}`)).toBeNull();
  });

  it('finds the one route of a path, or none', () => {
    expect(findRoute(routes, '/customers')).toEqual({ route: routes[1], params: {} });
    expect(findRoute(routes, `/customers/${ID}`)).toEqual({ route: routes[2], params: { id: ID } });
    expect(findRoute(routes, `/customers/${ID}/log-visit`)).toEqual({ route: routes[3], params: { id: ID } });
    expect(findRoute(routes, `/customers/${ID}/edit`)).toBeNull();
    expect(findRoute(routes, '/nowhere')).toBeNull();
  });
});
