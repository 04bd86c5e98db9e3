/**
 * Activation codes for the admin side (#12 item 3): one person's new code (also how a
 * forgotten password is reset) and a store's printable sheet, each one online call.
 * The server decides who may (HR: anyone; managers: staff of their stores) and logs it;
 * a plain code exists only in these answers, so nothing here keeps them.
 */
import type { OnlineApi } from '../online-api';
import type { ActivationSheet, RpcResult } from '../supabase/types';
import { type AdminOutcome, adminOutcome } from './outcome';

export async function issueActivationCode(api: OnlineApi, memberId: string): Promise<AdminOutcome<RpcResult<'issue_activation_code'>>> {
  return adminOutcome(await api.call('issue_activation_code', { p_member_id: memberId }));
}

/** Codes for the store's people who have not activated (all: everyone, resetting their passwords once used). */
export async function activationSheet(api: OnlineApi, storeId: string, all = false): Promise<AdminOutcome<ActivationSheet>> {
  return adminOutcome(await api.call('store_activation_sheet', { p_store_id: storeId, p_all: all }));
}
