/** The AWS service principals editors propose and explain: `<prefix>.amazonaws.com` for every service
 * prefix of the catalogue, the documented principals whose name is no prefix (`ecs-tasks`,
 * `scheduler.redshift`), and Redshift's Region-specific principals (`redshift.us-east-1.amazonaws.com`). */
import type { Catalog } from '../catalog';
import { REGIONS } from '../regions';
import { DOCUMENTED_SERVICE_PRINCIPALS } from './rules/service-principal';

export interface ServicePrincipal {
  principal: string;
  /** The service's name, or the AWS guide that documents the principal. */
  description: string;
  /** The catalogue service prefix, when the principal is named after one. */
  prefix?: string;
  /** Set for Region-specific principals. */
  region?: string;
}

const cache = new WeakMap<Catalog, Map<string, ServicePrincipal>>();

/** Every known service principal, by lowercase principal name. */
export function knownServicePrincipals(catalog: Catalog): Map<string, ServicePrincipal> {
  let principals = cache.get(catalog);
  if (principals) return principals;
  principals = new Map();
  for (const service of catalog.allServices()) {
    const principal = `${service.prefix}.amazonaws.com`;
    principals.set(principal, { principal, description: service.name, prefix: service.prefix });
  }
  for (const [name, guide] of Object.entries(DOCUMENTED_SERVICE_PRINCIPALS)) {
    const principal = `${name}.amazonaws.com`;
    principals.set(principal, { principal, description: `Documented in the ${guide}` });
  }
  const redshift = catalog.service('redshift');
  if (redshift) {
    for (const region of Object.keys(REGIONS)) {
      const principal = `redshift.${region}.amazonaws.com`;
      principals.set(principal, { principal, description: `${redshift.name} in ${region}`, prefix: redshift.prefix, region });
    }
  }
  cache.set(catalog, principals);
  return principals;
}
