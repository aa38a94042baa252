// What other domains may use of partners.
export { findPartner, findPartnerByCode, partnerIdsByCode } from './repo.js';
export { toPartnerDto } from './service.js';
