/** The AWS service principals (`redshift.amazonaws.com`) derived from the catalogue's service prefixes,
 * plus Redshift's Region-specific principals (`redshift.us-east-1.amazonaws.com`), which Redshift uses
 * for features such as scheduled queries and cross-Region copies. */
import type { Catalog, Service } from '../catalog';
import { REGIONS } from '../regions';

export interface ServicePrincipal {
  principal: string;
  service: Service;
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
    principals.set(principal, { principal, service });
  }
  const redshift = catalog.service('redshift');
  if (redshift) {
    for (const region of Object.keys(REGIONS)) {
      const principal = `redshift.${region}.amazonaws.com`;
      principals.set(principal, { principal, service: redshift, region });
    }
  }
  cache.set(catalog, principals);
  return principals;
}
