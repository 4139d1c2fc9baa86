// Package fakepay is a fake WeChat Pay server for tests: it verifies client
// signatures like WeChat Pay (401 SIGN_ERROR), signs its responses with a
// test platform certificate and/or a test WeChat Pay public key, serves
// encrypted platform certificates, keeps in-memory orders and refunds,
// serves bills (optionally gzip) with their SHA-1, answers the v2 XML
// endpoints (with mutual TLS for /secapi) and sends signed, encrypted
// notifications.
//
// Its cryptography is written independently of package pay so that a bug
// in one is not mirrored by the other.
//
// # Rules
//
//   - Merchants: the fake knows the built-in merchant (Options.MchID,
//     default DefaultMchID, with the certificate and key of
//     TestKeys().Merchant and the keys Options.APIv3Key and APIv2Key) and
//     the merchants of Options.Merchants (see NewMerchant; `wechat mock`
//     reads them from the "merchants" of a fixtures file).
//   - v3 requests must carry "Authorization: WECHATPAY2-SHA256-RSA2048"
//     with the mchid of a known merchant, the serial_no of that merchant's
//     certificate, a timestamp within 5 minutes of the real clock, a nonce,
//     and a signature by that certificate's key; anything else answers 401
//     SIGN_ERROR (signed, like every answer).
//   - The mchid a request names (body mchid or combine_mchid, query mchid)
//     must be the merchant that signed it: MCH_NOT_EXISTS or PARAM_ERROR.
//   - /v3/certificates encrypts the platform certificates with the API v3
//     key of the requesting merchant; notifications are encrypted with the
//     key of the merchant named by the resource's mchid (the built-in
//     merchant's otherwise).
//   - v2 XML requests need the mch_id of a merchant with an API v2 key and
//     its MD5 or HMAC-SHA256 signature; /secapi also needs that merchant's
//     certificate as the TLS client certificate.
//   - Orders: prepay needs appid, description, out_trade_no, notify_url and
//     a positive amount.total (JSAPI: payer.openid; H5:
//     scene_info.h5_info). out_trade_no is one table for all merchants. An
//     order is paid only by PayOrder; refunds need a paid order, its exact
//     total and at most the amount not yet refunded.
//   - Bills exist only for the dates given to AddBill.
//   - Partner requests must name the signing merchant as sp_mchid. Balances,
//     profit-sharing ratios and batch transfers are kept for the built-in
//     merchant (and sub-merchants) only, whichever merchant signs.
//   - Answers are signed with the platform certificate (ModeCertificates),
//     the WeChat Pay public key (ModePublicKey), or, in ModeBoth, with the
//     public key when the request's Wechatpay-Serial names it.
//
// # Transfers, partner mode and profit sharing
//
// The fake keeps state for these and refuses what WeChat Pay refuses:
//
//   - Names the fake returns (user_name, username) are encrypted with the
//     merchant certificate, as WeChat Pay does.
//   - Encrypted fields (transfer user_name, user_id_card, profit-sharing
//     receiver name):
//     a request carrying one without Wechatpay-Serial, or whose value does not
//     decrypt (RSA-OAEP) with the key that header names, gets 400 PARAM_ERROR.
//   - Duplicate out numbers (out_bill_no, out_batch_no, out_refund_no of a
//     sub-merchant, out_order_no, out_return_no): the same content answers the
//     existing record (a retry); different content gets 400 INVALID_REQUEST.
//   - Transfer bills (2025 API) start in WAIT_USER_CONFIRM with a
//     package_info and lock their amount from the payer's balance (the
//     merchant, or the sub-merchant for partner bills; DefaultTransferBalance
//     until SetTransferBalance); an amount over the balance gets 403
//     NOT_ENOUGH. ConfirmTransfer, FailTransfer and FinishTransferCancel move
//     a bill as the user or WeChat Pay would (FAIL and CANCELLED return the
//     funds) and return the MCHTRANSFER.BILL.FINISHED resource to send with
//     SendNotification. Cancel is accepted before the user confirms (then
//     CANCELING). Required: appid, out_bill_no (1-32 letters/digits),
//     transfer_scene_id, openid, transfer_remark (<= 32 characters),
//     transfer_scene_report_infos, user_name from 2,000 CNY. Electronic
//     receipts need a SUCCESS bill that carried user_name; a receipt is
//     GENERATING when applied for and FINISHED (SHA256 digest, download URL)
//     from the first query on.
//   - Batch transfers (merchant /v3/transfer/batches and partner
//     /v3/partner-transfer/batches, separate numbering; partner batches need
//     a served sub_mchid and an authorization_type and are paid by the
//     sub-merchant) check total_num and total_amount against the details
//     (1-1000, unique out_detail_no) and the balance; FinishBatch and
//     FinishPartnerBatch settle a batch (named details FAIL, their funds
//     return). Batch queries page with offset and limit (1-100). Batch receipts need a FINISHED batch, detail
//     receipts (BATCH_TRANSFER only) a SUCCESS detail that carried user_name;
//     both are FINISHED from the first query on.
//   - Brand red packets (品牌红包): only the queries by WeChat Pay numbers
//     are served (brand-merchant-batches/{batch_no} and
//     .../{batch_no}/details/{detail_no}; unknown numbers get 404
//     NOT_FOUND). AddBrandRedPacketBatch records a batch as sent (1-10 red
//     packets, unique 1-32 letter/digit numbers, DETAIL_PROCESSING);
//     FinishBrandRedPacketBatch makes them DETAIL_SUCCESS.
//   - Partner orders, refunds and bills belong to a sub-merchant
//     (DefaultSubMchID, or one added with AddSubMerchant); an unknown
//     sub_mchid gets 400 INVALID_REQUEST and another sub-merchant's order is
//     not found. sp_mchid must be the server's merchant. PayPartnerOrder and
//     SetPartnerRefundStatus return notification resources. A combined
//     order's sub-order with sub_mchid must have the server's merchant as
//     mchid and a served sub-merchant.
//   - Profit sharing: an order paid with settle_info.profit_sharing
//     (PayOrder, PayPartnerOrder) has its amount frozen. A split needs
//     receivers added first, at most the unsplit amount (403 NOT_ENOUGH) and
//     at most the maximum ratio of the order amount (DefaultMaxRatio, or
//     SetMaxRatio), cumulated over splits; unfreeze_unsplit and the unfreeze
//     API release the rest. Splits stay PROCESSING until SettleProfitSharing,
//     which returns one PROFITSHARING.SUCCESS resource per receiver. A return
//     takes back at most what was split to that merchant receiver (403
//     NOT_ENOUGH). Profit-sharing bills are served from AddBill like trade
//     bills.
//
// # Combined orders
//
// Combined orders (/v3/combine-transactions/jsapi, app, h5, native) need
// combine_appid, combine_out_trade_no, notify_url and sub_orders (JSAPI:
// combine_payer_info.openid; H5: scene_info.payer_client_ip), and
// combine_mchid must be the signing merchant (MCH_NOT_EXISTS). A merchant
// combines 2-10 sub-orders, a service provider (sub_mchid in every
// sub-order, none in a merchant's) 1-50. combine_out_trade_no and the
// sub-orders' out_trade_no are at most 32 digits, letters and _-|* (at
// least 6 for a merchant, 2 for a service provider), unique within the
// order; each sub-order needs attach (<= 128 characters), description (<=
// 127) and a positive total_amount in CNY. These answer 400 PARAM_ERROR.
// A repeat with the same content answers the same prepay_id; other content,
// or a sub-order out_trade_no already used by any order, gets 403
// OUT_TRADE_NO_USED; a closed order 400 ORDER_CLOSED, a paid one 400
// ORDERPAID. Sub-orders are kept with the other orders (the plain order
// query finds them by out_trade_no). The combined query answers each
// sub-order's trade_state (another merchant's order is not found, 404
// ORDER_NOT_EXIST); close needs combine_appid and exactly the sub-orders
// created (mchid, out_trade_no, sub_mchid; 400 INVALID_REQUEST otherwise),
// closes the whole order (repeatable) and refuses a paid one (ORDERPAID).
// PayCombineOrder pays every sub-order and returns the combined payment
// notification resource.
//
// # Code payment
//
// Code payments (/v3/pay/transactions/codepay; partner:
// /v3/pay/partner/transactions/codepay) need appid and mchid (partner:
// sp_appid, sp_mchid and a served sub_mchid), the mchid or sp_mchid being
// the signing merchant (MCH_NOT_EXISTS), description, out_trade_no (6-32
// digits, letters and _-*), payer.auth_code (a WeChat payment code: 18
// digits starting with 10 to 15), a non-empty scene_info object and a
// positive amount.total in CNY (400 PARAM_ERROR). Up to
// CodePayPasswordAbove fen the order is paid at once (SUCCESS, the order as
// the query shows it); above, it waits for the password and the answer is
// {"trade_state":"USERPAYING"} until PayOrder (partner: PayPartnerOrder). A
// repeat with the same out_trade_no and amount answers the order as it is;
// an out_trade_no used by another order gets 403 OUT_TRADE_NO_USED.
// Reverse (.../out-trade-no/{out_trade_no}/reverse; appid and mchid, or
// sp_mchid and sub_mchid) turns a code payment REVOKED whatever its state
// (repeatable); other orders get 400 INVALID_REQUEST, a refunded one too,
// an unknown one (or another sub-merchant's) 404 ORDER_NOT_EXIST.
//
// # E-commerce platform (平台收付通)
//
// Refunds (/v3/ecommerce/refunds/apply) need sub_mchid (a served
// sub-merchant: 400 INVALID_REQUEST otherwise), sp_appid, out_refund_no (<=
// 64), exactly one of transaction_id and out_trade_no, positive
// amount.refund and amount.total in CNY and a known refund_account (400
// PARAM_ERROR). They refund a paid partner order or a sub-order of a
// combined order with that sub_mchid, with its exact total and at most what
// is not refunded yet (400 INVALID_REQUEST; an unknown order 404
// RESOURCE_NOT_EXISTS). A repeated out_refund_no answers the refund when
// the content is the same, 400 INVALID_REQUEST otherwise. Refunds stay
// PROCESSING until SetEcommerceRefundStatus, which returns the refund
// notification resource; the queries (by refund_id or out_refund_no) need
// the sub_mchid the refund belongs to (404 RESOURCE_NOT_EXISTS otherwise).
// Balances are fixed (EcommerceAvailableBalance, EcommercePendingBalance)
// for every account type the doc lists (BASIC, FEES, OPERATION, DEPOSIT;
// end of day: BASIC, DEPOSIT; PARAM_ERROR otherwise); the end-of-day
// balance needs a date YYYY-MM-DD (PARAM_ERROR) in the last 90 days (400
// INVALID_REQUEST). Withdrawals need sub_mchid, out_request_no (<= 32
// letters and digits), an amount from 1 fen to 800 million CNY, remark <=
// 56 and bank_memo <= 32 characters and account_type BASIC, FEES or
// OPERATION (PARAM_ERROR); above the available balance they get 403
// NOT_ENOUGH. A repeated out_request_no answers the withdrawal when the
// content is the same, 400 INVALID_REQUEST otherwise. Withdrawals stay
// CREATE_SUCCESS until SetWithdrawStatus; the queries (by out_request_no
// or withdraw_id) need the sub_mchid it belongs to, an unknown one is 404
// ORDER_NOT_EXIST.
//
// Profit sharing (/v3/ecommerce/profitsharing/...) splits the frozen amount
// of a partner order paid with settle_info.profit_sharing (the same frozen
// amount UnsplitAmount shows). Splits need a served sub_mchid,
// transaction_id, out_order_no (<= 64 digits, letters and _-|*@), finish
// and 1 to 50 receivers (MERCHANT_ID or PERSONAL_OPENID, with appid;
// receiver_account, a positive amount, description; receiver_name must be
// encrypted for the server) (400 PARAM_ERROR). An unknown or non-sharing
// order of that sub-merchant is 404 RESOURCE_NOT_EXISTS, more than the
// unsplit amount 403 NOT_ENOUGH, a receiver that is neither added
// (receivers/add; the platform's receivers serve every sub-merchant), nor
// the sub-merchant, nor the platform 400 INVALID_REQUEST. A split lowers
// the unsplit amount (finish: to 0) and stays PROCESSING with PENDING
// receivers until SettleEcommerceProfitSharing. finish-order (sub_mchid,
// transaction_id, out_order_no, description) unfreezes the rest (nothing
// left: 403 NOT_ENOUGH) and is queried like a split (FINISHED,
// finish_amount, finish_description). A repeated out_order_no answers the
// split when the content is the same, 400 INVALID_REQUEST otherwise.
// Returns (returnorders: sub_mchid, order_id or out_order_no,
// out_return_no, return_mchid, amount, description) take back from a
// MERCHANT_ID receiver whose line SUCCEEDED (400 INVALID_REQUEST
// otherwise) at most what it received minus earlier returns (403
// NOT_ENOUGH); they succeed at once. The amounts of an order without
// profit sharing are 400 INVALID_REQUEST. receivers/add needs type,
// account, relation_type (SUPPLIER, DISTRIBUTOR, SERVICE_PROVIDER,
// PLATFORM, OTHERS), name for MERCHANT_ID and appid for PERSONAL_OPENID
// (PARAM_ERROR); deleting an unknown receiver is 400 INVALID_REQUEST.
//
// Subsidies (/v3/ecommerce/subsidies/...) need a served sub_mchid, the
// transaction_id of a paid partner order of it (404 RESOURCE_NOT_EXISTS)
// and a description (PARAM_ERROR). create takes an amount from 1 fen to
// EcommerceMaxSubsidy (PARAM_ERROR) and at most the order's total (the
// fake's stand-in for the subsidy given when ordering: 400
// INVALID_REQUEST); one subsidy per order: a repeat with the same content
// answers it, another content is 400 INVALID_REQUEST, as is an order whose
// subsidy was canceled. return (out_order_no, amount) needs a subsidised
// order and takes back at most what is left of the subsidy, each refund_id
// once (400 INVALID_REQUEST); a repeated out_order_no answers the return.
// cancel works only before any subsidy (400 INVALID_REQUEST after).
//
// Application queries (/v3/ecommerce/applyments/{applyment_id},
// .../out-request-no/{out_request_no}) answer the applications given to
// AddEcommerceApplyment, shaped like the docs' example for their state;
// others are 404 RESOURCE_NOT_EXISTS.
//
// # Media, onboarding, complaints, marketing, PayScore
//
// Uploads (/v3/merchant/media/upload, video_upload,
// /v3/marketing/favor/media/image-upload, /v3/merchant-service/images/upload)
// must be multipart/form-data with the "meta" part first; the signature is
// checked over the meta JSON alone, the file against meta.sha256, the
// extension and the size limit of the API (5 MB, 5 MB, 2 MB, 2 MB). Media
// returns what was stored.
//
// Stateful groups, each checking the required fields of its doc page
// (PARAM_ERROR naming the field) and its state rules (INVALID_REQUEST or
// the documented code):
//   - onboarding: sensitive fields must decrypt with the key named by
//     Wechatpay-Serial (ApplymentSensitive shows them); an application is
//     AUDITING until SetApplymentState; business_code is idempotent;
//     settlement changes are AUDITING, the account number masked.
//   - complaints (AddComplaint files one, with images served unsigned at
//     their media_url): PENDING, PROCESSING after a reply, PROCESSED after
//     complete (which needs a reply first) or a refund rejection; refund
//     decisions only on REFUND complaints; lists need begin_date/end_date at
//     most 30 days apart, limit 1..50 (negotiation history 1..300); the
//     notification URL must be https, created once, then updated or deleted.
//   - cash coupons: max_amount must equal max_coupons times coupon_amount;
//     stocks go unactivated -> running (start) -> paused (pause) -> running
//     (restart), stop from running or paused, other moves
//     STOCK_STATUS_INVALID, a repeated change answers the first (documented
//     as idempotent); out_request_no is idempotent for stocks and
//     sends; sends need a running stock, respect max_coupons
//     (STOCK_AMOUNT_NOT_ENOUGH) and max_coupons_per_user
//     (USER_ACCOUNT_ABNORMAL); UseCashCoupon marks a coupon USED; use and
//     refund flows download like bills.
//   - PayScore service orders: CREATED (DOING when need_user_confirm is
//     false, which needs openid) until ConfirmServiceOrder; complete only
//     from DOING, with total_amount equal to post_payments minus
//     post_discounts and at most the risk fund; modify, pay and sync only
//     while DONE and unpaid; cancel only CREATED or DOING; a create retry
//     with the same body returns the order, with another body fails.
//   - PayScore for service providers (/v3/payscore/partner/...): service
//     orders follow the same rules, kept per sub_mchid and out_order_no
//     (sub_mchid required; service_id optional but must match when given;
//     without confirmation exactly one of openid and sub_openid, sub_openid
//     with sub_appid); ConfirmPartnerServiceOrder and PayPartnerServiceOrder
//     play the user and the collection; pay answers 204. Authorizations are
//     kept per sub_mchid and authorization_code (at most 32 characters,
//     unique for the service provider: a retry with the same body answers
//     again, another body INVALID_REQUEST): UNBINDUSER until
//     AuthorizePartnerPermissions (the user under sub_appid when the
//     pre-authorization named one), AVAILABLE, then UNAVAILABLE after a
//     terminate (by code or by user; 204; reason at most 50 characters); a
//     terminate of an authorization that is not AVAILABLE is 400
//     INVALID_ORDER_STATE; queries of an unknown code or user are 404
//     ORDER_NOT_EXIST; by user, exactly one of openid and sub_openid.
//
// Read-only and reporting endpoints (merchant coupons, PayScore
// authorizations, and the rest of the cannedRoutes table) answer fixed data
// shaped like their doc page's example, after checking the signature and
// the required fields.
//
// # Bank component and opening-intention confirmation (service providers)
//
// The bank component (/v3/capital/capitallhh/...) answers a small fixed
// table: four banks (招商银行 and 工商银行 without branches, 浙江网商银行
// and 宁波银行 with branches; 宁波银行 corporate only), three provinces
// and their cities, and the branches of the two branch banks in a few
// cities. search-banks-by-bank-account needs account_number encrypted for
// the key named by Wechatpay-Serial (400 PARAM_ERROR otherwise) and
// answers the banks whose card prefix it starts with (none: total_count
// 0). The lists need limit (at least 1; the docs state no maximum) and an
// offset of at least 0 (400 PARAM_ERROR) and answer {total_count, count,
// data, offset, links}; an unknown province, a bank without branches or an
// unknown bank_alias_code is 404 NOT_FOUND; branches need an integer
// city_code.
//
// Opening-intention applications (/v3/apply4subject/applyment) are not
// submitted through the fake: AddSubjectApplyment registers one
// (APPLYMENT_STATE_WAITTING_FOR_AUDIT) and SetSubjectApplymentState moves
// it as the audit would (qrcode_data in the states that show the mini
// program code, reject_param and reject_reason when REJECTED, a
// reject_reason when FREEZED). The query needs business_code or
// applyment_id (400 PARAM_ERROR), both must name the same application; an
// unknown one is 404 RESOURCE_NOT_EXISTS. Cancel takes the business code or
// the applyment_id in the path, answers 204 and turns the application
// APPLYMENT_STATE_CANCELED (again: 204), except a PASSED or FREEZED one
// (400 INVALID_REQUEST). A sub-merchant's authorize state is
// AUTHORIZE_STATE_UNAUTHORIZED until SetSubjectAuthorized.
//
// # Cash red packets and legacy transfers (v2)
//
// Cash red packets (现金红包) and the legacy transfers to balance (企业付款到
// 零钱), v2 XML under /mmpaymkttransfers/. Rules, as WeChat Pay states them:
//
//   - Every request needs the merchant's v2 sign and its certificate as
//     the TLS client certificate (result_code FAIL, err_code CA_ERROR).
//   - Sending needs mch_billno, wxappid, send_name, re_openid, total_amount,
//     total_num, wishing, act_name, remark (sendredpack also client_ip;
//     sendgroupredpack amt_type ALL_RAND; sendminiprogramhb notify_way
//     MINI_PROGRAM_JSAPI): PARAM_ERROR. mch_billno is mch_id + yyyymmdd +
//     10 digits, 28 characters at most: PARAM_ERROR. total_num is 1 (3 to 20
//     for a group red packet): PARAM_ERROR. Each packet is 100 to 20000 fen
//     unless scene_id (PRODUCT_1 … PRODUCT_8) is set: MONEY_LIMIT.
//   - The packet is paid from the merchant's transfer balance
//     (SetTransferBalance): NOTENOUGH. A user receives at most 10 red
//     packets per day: SENDNUMLIMIT. The same mch_billno with the same
//     content answers the first send again; other content PARAM_ERROR.
//   - A sent packet is SENT; SetRedpackStatus moves it (RECEIVED fills
//     hblist, REFUND refunds the rest to the balance). gethbinfo needs
//     bill_type MCHT and answers NOT_FOUND for an unknown mch_billno.
//   - Transfers need mch_appid, mchid, partner_trade_no, openid, check_name
//     NO_CHECK or FORCE_CHECK (with re_user_name), a positive amount, desc
//     and spbill_create_ip: PARAM_ERROR; the balance: NOTENOUGH. They
//     succeed at once; gettransferinfo answers NOT_FOUND for others.
//
// Red packet and transfer answers carry no sign, as in the docs' examples.
//
// # Merchant funds and business circle
//
// Balances (/v3/merchant/fund/balance/{account_type},
// /v3/merchant/fund/dayendbalance/{account_type}) are FundBalances for
// BASIC, OPERATION and FEES (another type: 400 PARAM_ERROR); the day-end
// balance needs a YYYY-MM-DD date (400 PARAM_ERROR) before today and
// within 90 days (400 INVALID_REQUEST 日终余额当日无数据). Withdrawals
// (/v3/merchant/fund/withdraw) are kept per signing merchant: they need
// out_request_no (at most 32 letters and digits), a positive amount of at
// most 800 million CNY, account_type, remark and bank_memo within 56 and
// 32 characters and an HTTPS notify_url without query (400 PARAM_ERROR);
// a repeated out_request_no with the same content answers the withdrawal,
// with other content 400 INVALID_REQUEST; more than the available balance
// is 403 NOT_ENOUGH. They stay CREATE_SUCCESS until SetFundWithdrawStatus;
// an unknown out_request_no is 404 ORDER_NOT_EXIST. The failed-withdrawal
// file (withdraw/bill-type/NO_SUCC) exists for the dates given to
// AddWithdrawBill (400 NO_STATEMENT_EXIST otherwise).
//
// Points syncs (/v3/businesscircle/points/notify) need transaction_id,
// appid, openid, earn_points, increased_points and points_update_time
// (400 PARAM_ERROR), answer 204 and are kept for PointsSyncs.
//
// # PayScore plans, brand red packet sends, e-commerce advances and bills, PAPay
//
// PayScore plans (/v3/payscore/plan/payscore-plans, partner:
// /v3/payscore/plan/partner/payscore-plans) are kept per sub_mchid (none
// for a merchant) and merchant_plan_no (at most 32 characters): they need
// the documented fields, a plan_name of at most 20 characters, a positive
// plan_duration and exactly deduction_quantity details whose
// original_price is at least their actual_price and whose actual_price
// never rises (400 PARAM_ERROR). Details are numbered from 1. A repeat
// with the same body answers the plan, with another body 400
// RESOURCE_ALREADY_EXISTS. Plans are NORMAL until stop (STOP, stop_mchid,
// stop_time; stopping again: 400 INVALID_REQUEST); partner queries name
// sub_mchid in the query, stops in the body; unknown: 404 NOT_FOUND.
//
// Sign plans (.../sign-plan/user-sign-plans, partner: .../sign-plan/partner/
// user-sign-plans) need a NORMAL plan of the same sub-merchant and
// service_id (unknown plan 404 NOT_FOUND, stopped 400 INVALID_REQUEST,
// other service 400 PARAM_ERROR), a merchant_sign_plan_no of at most 32
// digits, letters and _-*, a notify_url within 1024 characters, a merchant
// openid (partners: exactly one of openid and sub_openid, sub_openid with
// sub_appid) and one sign_plan_detail per plan detail, in order, with
// unique merchant_plan_detail_no (400 PARAM_ERROR); the answer is
// {sign_plan, package}, a repeat as for plans. They are UNSIGNED until
// SignUserSignPlan (SIGNED), SIGN_PLAN_CANCEL after stop (stop_reason
// required, at most 128 characters; only UNSIGNED or SIGNED: 400
// INVALID_REQUEST); details stay NOT_USED (their other states are not
// modelled). The merchant's sign-plan service order
// (/v3/payscore/sign-plan/serviceorder) needs a SIGNED plan (400
// INVALID_REQUEST), the plan's service_id and openid (400 PARAM_ERROR), the
// next detail in order (400 INVALID_REQUEST) and out_trade_no equal to that
// detail's merchant_plan_detail_no (400 PARAM_ERROR); it answers a CREATED
// service order (out_order_no is the out_trade_no, post_payments the
// detail's price, a discount when cheaper) and advances going_detail_no;
// a repeat for the same detail answers the same order.
//
// Brand red packet sends (POST /v3/fund-app/brand-redpacket/brand-merchant-
// batches) need Wechatpay-Serial, brand_id, brand_appid (<= 32),
// scene CUSTOM_SEND, template_id (<= 128), an out_batch_no of 1-32 letters
// or digits and 1-10 red packets with unique 1-32 letter/digit
// out_detail_no, an openid and a positive amount; user_name must decrypt
// with the key named by Wechatpay-Serial (400 PARAM_ERROR; see
// BrandRedPacketUserName). The batch joins those of AddBrandRedPacketBatch
// (ACCEPTED, red packets DETAIL_PROCESSING until FinishBrandRedPacketBatch,
// then the batch is FINISHED with success counts); a repeat with the same
// content answers the batch, other content 400 RESOURCE_ALREADY_EXISTS. The
// queries by merchant numbers (brand-merchant-out-batches/{out_batch_no},
// .../out-details/{out_detail_no}) answer 404 NOT_FOUND for unknown
// numbers; with need_query_detail=true, detail_state must be
// DETAIL_VIEW_ALL, _SUCCESS or _FAIL (400 PARAM_ERROR) and the red packets
// are listed once the batch is FINISHED.
//
// E-commerce refund advance returns (/v3/ecommerce/refunds/{refund_id}/
// return-advance) need a served sub_mchid (body for POST, query for GET)
// and a refund of that sub-merchant (404 RESOURCE_NOT_EXISTS) made with
// REFUND_SOURCE_PARTNER_ADVANCE (400 INVALID_REQUEST); the return succeeds
// at once for the advanced amount (BASIC to BASIC) and a repeat answers it;
// the query of a refund not returned yet is 404 RESOURCE_NOT_EXISTS. The
// sub-merchants' fund-flow bill (/v3/ecommerce/bill/fundflowbill) needs
// bill_date, account_type ALL and algorithm AEAD_AES_256_GCM (SM4_GCM is
// not modelled; 400 PARAM_ERROR) and serves the content given to AddBill as
// one part: gzip-compressed with tar_type GZIP, then sealed with AES-256-GCM
// under a random 32-character key and 16-character nonce (no associated
// data); encrypt_key is the key encrypted for the merchant certificate
// (RSA-OAEP), hash_value the SHA-1 of the plain bill.
//
// PAPay pre-deduction notices (/v3/papay/contracts/{contract_id}/notify,
// /v3/partner-papay/contracts/{contract_id}/notify) need mchid (sp_mchid,
// sp_appid and a served sub_mchid for service providers) naming the signing
// merchant (400 MCH_NOT_EXISTS), appid, deduct_duration {count > 0, unit
// DAY} and estimated_amount {amount > 0, currency CNY} (400 PARAM_ERROR);
// they answer 204 and are kept for PAPayNotices. The 7:00-22:00 notice
// window is not enforced.
package fakepay

import (
	"crypto/rsa"
	"crypto/x509"
	"embed"
	"encoding/pem"
	"strings"
	"sync"
)

//go:embed testdata/*.pem
var keyFiles embed.FS

// KeyPair is a test RSA key, its PEM forms and, for certificates, the
// parsed certificate and its WeChat-style serial (uppercase hex).
type KeyPair struct {
	Key     *rsa.PrivateKey
	KeyPEM  []byte
	CertPEM []byte // empty for the public key
	PubPEM  []byte // PKIX public key (public key mode)
	Cert    *x509.Certificate
	Serial  string // certificate serial, or public key id
}

// Keys are the test keys, made by this project (testdata, valid until 2045),
// shared by every fake server in the process.
type Keys struct {
	Merchant  KeyPair // merchant API certificate and key (also the mutual-TLS client certificate)
	Platform  KeyPair // first platform certificate
	Platform2 KeyPair // rotated platform certificate
	Rogue     KeyPair // a certificate WeChat Pay never serves
	PublicKey KeyPair // WeChat Pay public key (Serial is the PUB_KEY_ID_...)
}

// PublicKeyID is the id of the test WeChat Pay public key.
const PublicKeyID = "PUB_KEY_ID_0119000001092025010100000000000001"

var (
	keysOnce sync.Once
	keys     *Keys
)

func mustRead(name string) []byte {
	b, err := keyFiles.ReadFile("testdata/" + name)
	if err != nil {
		panic("fakepay: missing test key " + name)
	}
	return b
}

func loadPair(name string, withCert bool) KeyPair {
	kp := KeyPair{KeyPEM: mustRead(name + "_key.pem")}
	block, _ := pem.Decode(kp.KeyPEM)
	k, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		panic("fakepay: bad test key " + name)
	}
	kp.Key = k.(*rsa.PrivateKey)
	if withCert {
		kp.CertPEM = mustRead(name + "_cert.pem")
		cb, _ := pem.Decode(kp.CertPEM)
		kp.Cert, err = x509.ParseCertificate(cb.Bytes)
		if err != nil {
			panic("fakepay: bad test certificate " + name)
		}
		kp.Serial = certSerial(kp.Cert)
	}
	der, _ := x509.MarshalPKIXPublicKey(&kp.Key.PublicKey)
	kp.PubPEM = pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der})
	return kp
}

// certSerial spells a certificate serial as WeChat Pay does: uppercase hex
// of even length.
func certSerial(c *x509.Certificate) string {
	if c == nil {
		return ""
	}
	s := strings.ToUpper(c.SerialNumber.Text(16))
	if len(s)%2 == 1 {
		s = "0" + s
	}
	return s
}

// TestKeys returns the shared test keys (parsed once per process).
func TestKeys() *Keys {
	keysOnce.Do(func() {
		keys = &Keys{
			Merchant:  loadPair("merchant", true),
			Platform:  loadPair("platform1", true),
			Platform2: loadPair("platform2", true),
			Rogue:     loadPair("rogue", true),
			PublicKey: loadPair("pubkey", false),
		}
		keys.PublicKey.Serial = PublicKeyID
	})
	return keys
}
