import { Injectable } from '@nestjs/common';
import { maskIdCard, maskPhone, normalizeChinesePhone, normalizeIdCardInput } from '@legal/domain';
import { maskName, PiiProtector } from '@legal/privacy';
import { ProtectedPerson } from './protected-person.embedded';

/** Plain personal data as it arrives (events, REST) and as authorised staff see it. */
export interface PersonInput {
  name?: string;
  idCardNumber?: string;
  phone?: string;
  address?: string;
}

/** What a response shows: masked unless the caller's role needs the full value. */
export interface PersonView {
  name?: string;
  idCardNumber?: string;
  phone?: string;
  address?: string;
}

export interface RevealPolicy {
  name: boolean;
  phone: boolean;
  idCard: boolean;
  address: boolean;
}

export const MASK_ALL: RevealPolicy = { name: false, phone: false, idCard: false, address: false };

/** Seals personal data for storage and reveals or masks it for responses. Never logs it. */
@Injectable()
export class PersonalDataService {
  constructor(private readonly pii: PiiProtector) {}

  protect(input: PersonInput): ProtectedPerson {
    const person = new ProtectedPerson();
    const idCard = input.idCardNumber ? normalizeIdCardInput(input.idCardNumber) : undefined;
    const phone = input.phone ? (normalizeChinesePhone(input.phone) ?? input.phone.trim()) : undefined;
    person.nameSealed = input.name ? this.pii.encrypt(input.name.trim()) : null;
    person.idCardHash = idCard ? this.pii.hash(idCard) : null;
    person.idCardSealed = idCard ? this.pii.encrypt(idCard) : null;
    person.phoneHash = phone ? this.pii.hash(phone) : null;
    person.phoneSealed = phone ? this.pii.encrypt(phone) : null;
    person.addressSealed = input.address ? this.pii.encrypt(input.address.trim()) : null;
    return person;
  }

  reveal(person: ProtectedPerson): PersonInput {
    const open = (sealed: string | null): string | undefined => (sealed ? this.pii.decrypt(sealed) : undefined);
    return {
      name: open(person.nameSealed),
      idCardNumber: open(person.idCardSealed),
      phone: open(person.phoneSealed),
      address: open(person.addressSealed),
    };
  }

  view(person: ProtectedPerson, policy: RevealPolicy = MASK_ALL): PersonView {
    return personView(this.reveal(person), policy);
  }
}

/** What a response shows of a person (pure): each field masked unless the policy reveals it. */
export function personView(plain: PersonInput, policy: RevealPolicy = MASK_ALL): PersonView {
  const view: PersonView = {};
  if (plain.name !== undefined) view.name = policy.name ? plain.name : maskName(plain.name);
  if (plain.idCardNumber !== undefined)
    view.idCardNumber = policy.idCard ? plain.idCardNumber : maskIdCard(plain.idCardNumber);
  if (plain.phone !== undefined) view.phone = policy.phone ? plain.phone : maskPhone(plain.phone);
  if (plain.address !== undefined) view.address = policy.address ? plain.address : maskAddress(plain.address);
  return view;
}

/** Keeps the first six characters of an address (province/city/county level), masks the rest. */
export function maskAddress(address: string): string {
  const chars = [...address];
  return chars.length <= 6
    ? '*'.repeat(chars.length)
    : `${chars.slice(0, 6).join('')}${'*'.repeat(Math.min(chars.length - 6, 8))}`;
}
