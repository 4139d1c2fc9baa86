// Package fakewechat is a fake WeChat API server (api.weixin.qq.com) for
// offline tests of the SDK and of code built on it. It serves on loopback
// and behaves like WeChat where clients can tell:
//
//   - GET /cgi-bin/token issues a new access_token on every call; the
//     previous one keeps working for a grace period (5 minutes) only.
//   - POST /cgi-bin/stable_token returns the same token until force_refresh,
//     which invalidates the old token (at most once per 30s), or until the
//     last 5 minutes of its life, when the next token is handed out.
//   - GET /cgi-bin/ticket/getticket issues jsapi and wx_card tickets.
//   - Every other endpoint checks access_token: 41001 when missing, 40001
//     when unknown or superseded, 42001 when expired; errmsg carries the
//     ", rid: xxxxxxxx-xxxxxxxx-xxxxxxxx" suffix.
//
// # Rules
//
// What the fake accepts, in one place; each rule is WeChat's, made strict
// enough for a test to notice a mistake.
//
//   - Apps: tokens are issued only to registered apps: DefaultAppID with
//     DefaultSecret (unless WithoutDefaultApp), WithApp or AddApp, and for
//     `wechat mock` --app appid:secret or a fixtures file (see Fixtures).
//     An unknown appid answers 40013, a wrong secret 40125.
//   - Openids: an openid is OpenIDLen (28) characters of [A-Za-z0-9_-], as
//     WeChat issues them; ValidOpenID is the rule. AddFollowers and
//     fixtures refuse other openids; template messages and custom messages
//     (send, typing) answer 40003 "invalid openid" for them. Subscribe
//     message sends only require a non-empty touser.
//   - Followers: an official account has only the followers given by
//     AddFollowers or a fixtures file (none by default, also under
//     `wechat mock`). user/info, remarks, tags and the blacklist answer
//     40003 for an openid that is not one of them; user/get lists the
//     subscribed ones in the order added, 10000 a page (SetUserPageSize,
//     or user_page_size in fixtures, makes pages smaller).
//   - Templates: message/template/send needs a template_id of the
//     account: one returned by api_add_template (oa Template.Add, whose
//     short id is TM or OPENTM and 5 to 9 digits), or one given by
//     AddTemplate or a fixtures file. At most 25 templates (45026); an
//     unknown id answers 40037; url must be http(s) (40062); a repeated
//     client_msg_id is refused.
//   - One-time subscription messages (message/template/subscribe): each
//     send uses up an authorization given by ConfirmOneTimeSubscribe for
//     the openid, template and scene (43101 without); the fields are
//     checked as oa_onetimesubscribe.go says.
//   - Tags: at most 100 per account (45056) and 20 per user (45059); names
//     up to 30 characters (45158) and unique (45157); tags 0 to 2 are
//     reserved (45058).
//   - Bodies: an empty JSON body answers 44002, a malformed one 47001. A
//     body (for a multipart body, its form fields, not its files) holding
//     \u0026, \u003c or \u003e, the escapes json.Marshal writes for '&',
//     '<' and '>', answers 40033 (CodeInvalidCharset) as WeChat does: send
//     those characters as they are (wechat.MarshalJSON).
//   - Ids in the docs' form: freepublish/submit answers publish_id as a
//     number and msg_data_id as a string, getpubtemplatetitles answers
//     categoryId as a number, as the current doc pages show.
//   - State (followers, templates, menus, media...) is per app and Reset
//     (POST /fake/reset) empties it; apps stay registered. `wechat mock
//     --fixtures` loads its fixtures again after a reset.
//   - Statistics (/datacube/get*): begin_date and end_date are dates
//     (61500 otherwise); the range must not be reversed, must not exceed the
//     API's documented span (1, 3, 7, 15 or 30 days counting both ends) and
//     must end before today in Beijing time (61501). The answers are the
//     docs' example rows, one set per day of the range.
//   - Customer-service sessions, chat records, callback/check, rid/get,
//     changeopenid and shorten: see the comments of oa_kfsession.go and
//     oa_openapi.go for their checks and errcodes.
//   - Conversation capabilities (/cgi-bin/guide/*): guides, buyers, tags,
//     groups, material and mass jobs are state; unknown guides, buyers
//     bound elsewhere and bad pages answer 40097 (see oa_guide.go).
//   - Draft box switch: draft/switch turns the account's switch on (for
//     good) unless checkonly=1, and answers is_open 0 or 1; another
//     checkonly value answers 40097. The switch is off in a new state.
//   - Membership cards: membercard/updateuser needs an activated code of a
//     member card (40078 before activation, 40071 for another card type),
//     adds add_bonus and add_balance or sets bonus and balance (a total
//     below zero answers 40097), takes record_bonus and record_balance of
//     at most 14 characters (45021), and userinfo reads the totals back,
//     with custom_field_value1..3 under the card's custom_fieldN name_type.
//     activate/geturl needs a member card with an activation form (40078).
//     datacube/getcardmembercardinfo (cond_source 0 or 1, 40097
//     otherwise; every fake card counts as created through the API) and
//     getcardmembercarddetail (a member card_id, 40073/40071) answer one row
//     a day of at most 62 (61501; 61500 for a malformed date), counted from
//     the views, receipts, redemptions and activations of the member cards;
//     total_user counts the users who activated by that day.
//   - E-invoice reimbursement: only the invoices of ReimburseInvoices
//     exist (72017 otherwise); a closed invoice cannot change (40097).
//   - Marketing user actions need version=v1.0 and known data sources
//     (40097); see oa_marketing.go.
//   - Image processing (/cv/img/*) and plate number OCR (/cv/ocr/platenum,
//     answering OAPlateNumber) take img_url or the multipart file "img",
//     with the OCR endpoints' errcodes; see oa_cv.go.
//   - WeCom customer service (微信客服, see work_kf.go and
//     work_kf_more.go): servicers are kept per account (servicer/add,
//     del, list); a userid must be in the address book (per-item 60111), a
//     department exist (60003), and adding a servicer twice or removing a
//     non-servicer is "ignored". A session is 0 from the customer's last
//     message for 48 hours and 4 otherwise; service_state/trans allows 0 to
//     1, 2, 3; 1 to 2, 3; 2 to 3; 3 to 3, 4 (40058 otherwise), state 3 needs
//     a servicer of the account, directly or by department (95014), and
//     first entering 2 or 3, or entering 4, answers a msg_code that
//     send_msg_on_event takes once within 20 seconds. The upgrade service
//     is configured as in the docs' example (zhangsan, lisi, departments 2
//     and 3, WeComKFUpgradeChat1 and 2; 95021 for others) and the last
//     recommendation per customer is kept (WeComKFUpgrade). Statistics
//     answer the docs' example day for each day of a range of at most 31
//     days between 180 days ago and yesterday, Beijing time (40058).
//   - Customer id conversion (work_idconvert.go) answers deterministic
//     mappings of the corp's customers (AddWeComCustomer, the
//     customer-service customers): the provider's form of wmX or woX is
//     wmSVCX or woSVCX (get_new_external_userid, its groupchat variant for
//     members of a known chat (40050), to_service_external_userid, and
//     back with from_service_external_userid, which needs source_agentid
//     (41035)); convert_to_openid answers "oFAKE"+X for wmX (40096 for wo
//     ids and strangers); unionid_to_external_userid finds the customer
//     with that unionid (a customer-service customer X has "oUNION"+X;
//     84061 otherwise). Unknown ids are left out of get_new lists and
//     answer 40096 elsewhere. The fake does not check which kind of app
//     calls.
//   - WeChat Pay is another server: package fakepay, with its own rules.
//
// Tests control time (WithClock, Advance), tokens (ExpireTokens,
// InvalidateToken), inject faults (latency, HTTP status, dropped
// connections, errcodes such as 45009, -1 or 40164 for the next N requests),
// and inspect counters (Count, Stats) and recorded requests (Requests). The
// same controls exist over HTTP under /fake/ for the standalone server run
// by `wechat mock`; GET /fake/stats answers {"METHOD /path": count}.
//
// Use from a test:
//
//	func TestMenu(t *testing.T) {
//		srv := fakewechat.NewTestServer(t)
//		srv.Inject(fakewechat.Fault{Path: "POST /cgi-bin/menu/create", Errcode: -1, Times: 1})
//		c, err := wechat.NewClient(wechat.Config{AppID: fakewechat.DefaultAppID,
//			AppSecret: fakewechat.DefaultSecret}, wechat.WithBaseURL(srv.URL()))
//		// ... call the client; the first menu/create answers "system error".
//		if n := srv.Count("POST /cgi-bin/stable_token"); n != 1 { // the default endpoint
//			t.Errorf("token fetched %d times, want 1", n)
//		}
//	}
//
// # Writing endpoint fakes
//
// Files of this package register endpoints on every server from init:
//
//	func init() { builtin = append(builtin, registerMenu) }
//
//	func registerMenu(s *Server) {
//		s.HandleJSON("POST /cgi-bin/menu/create", func(r *Request) (any, error) {
//			var menu map[string]any
//			if err := r.Decode(&menu); err != nil {
//				return nil, err // 44002 or 47001
//			}
//			r.State().Set("menu", menu)
//			return nil, nil // {"errcode":0,"errmsg":"ok"}
//		})
//	}
//
// The access_token is validated before the handler runs (unless the Public
// option is given) and Request.AppID names its app; returning an *Error
// answers {"errcode","errmsg"}. HandleRaw serves binary or multipart
// answers. State is a per-app store for what fakes remember.
//
// # WeCom third-party suites and providers
//
// DefaultSuiteID and DefaultProviderCorpID are known (AddSuite,
// AddProvider add others). get_suite_token takes a ticket from
// PushSuiteTicket (valid 30 minutes, 40085 otherwise); InstallSuite
// returns the auth_code of a corp's installation, valid 10 minutes and
// exchanged once (40078 after) by get_permanent_code or its v2. The suite
// gets an agent id in the corp (SuiteAgentID); get_corp_token answers,
// for the right permanent code (40084) of an installed corp (84014), the
// token of that agent, which works on every WeCom endpoint for that corp
// only. Suite and provider tokens go in suite_access_token or
// provider_access_token: 40082 when unknown or of the other kind, 42009
// when expired (ExpireTokens, InvalidateToken and Reset apply to them).
// License orders are created unpaid; PayLicenseOrder pays one and creates
// one activation code per account; active_account binds an unbound code
// of the order's corp to a member once (701028 after). Lists page with
// limit 1..1000 and an opaque cursor. Provider contact search matches
// userids and department names containing the query word (no pinyin).
// SuiteOAuthCode issues web login codes only for members (address book) of
// corps that installed the suite; getuserinfo3rd takes a code once within
// 5 minutes (40029 otherwise, also for codes over 512 bytes) and answers a
// user_ticket valid SuiteUserTicketTTL (1800 s) that getuserdetail3rd
// accepts until then (40029 after; 84014 once the corp uninstalled).
// SuiteOAuthCodeNonMember gives the code of a WeChat user of no corp:
// getuserinfo3rd answers only an openid, stable per suite and user.
// finish_openid_migration needs a corp that installed a suite (84014), an
// agent id of such a suite or 0 (40056) and openid_type values 1 or 3
// (40097); OpenIDMigration shows what was set.
// unionid_to_external_userid_3rd answers the WeChat customers
// (AddWeComCustomer) with that unionid in the corps that installed the
// suite (corpid given: that corp, 84014 if it did not install it).
// get_register_info answers the template_id and, once per registration
// code, a contact_sync access_token valid ContactSyncTTL (30 minutes):
// set_scope and contact_sync_success take it as access_token (41001
// missing, 40014 unknown or after contact_sync_success, 42001 expired);
// set_scope needs a positive agentid (40056), reports users, departments
// and tags unknown to the corp's address book as invalid and keeps the
// others as the app's range (RegisteredScope).
//
// # Third-party platform mini program management
//
// Authorizer tokens issued through the component work on the code
// endpoints, which keep state per mini program: commit needs a template
// of a component's library (AddTemplateDraft then addtotemplate; 85014
// otherwise) and an ext_json object (85013); submit_audit needs a commit
// (85085) and no pending review (85009); a review stays pending until
// SetAuditResult passes or rejects it, which pushes weapp_audit_success or
// weapp_audit_fail to the component's message URL (SetComponentPush,
// encrypted in safe mode); release needs a passed, unreleased review
// (85019, 85020); revertcoderelease restores the previous release. Server
// domains (https://, wss://, udp://, tcp:// origins; 40097 otherwise),
// web-view domains and testers (85004 bound twice, 85001 unknown) are kept
// per mini program. The other management endpoints (basic information,
// categories, privacy, jump rules, ICP filing, embedded, linked mini
// programs) check their required body fields (40097 "invalid args: NAME")
// and answer the documentation's examples. Web authorization for an
// official account takes a code from ComponentOAuthCode, once (40029),
// for an account that authorized the component (61003).
//
// Mini program verification is kept per mini program (WxaVerifies):
// /wxa/sec/wxaauth checks auth_data (customer_type 1, 12 or 15;
// contact_info a non-empty object; qualification unless customer_type is
// 15; account_name; account_name_type and pay_type 1 or 2; at most 10
// qualification_other; auth_ident_material with auth_identification;
// 40097 "invalid args: NAME" otherwise) and answers a taskid and an
// auth_url; queryauth shows task_status 0 and apply_status 0 until
// SetWxaVerifyResult sends the task back (3, with refill_reason), passes
// (4) or fails it (5, with fail_reason), with task_status 12 and an
// orderid; reauth takes the same auth_data plus the taskid of a task sent
// back (40097 otherwise) and puts it under review (apply_status 2).
// uploadauthmaterial needs a multipart media part (41005) of at most 2 MB
// (40006); authidentitytree answers the documentation's example.
// getwxamplinkforshow needs page >= 0 and num 1-20 in the query (40097);
// applyliveinfo needs action "apply" (40097); applysetorderpathinfo takes
// the component_access_token (40001 otherwise) and needs batch_req with a
// path and 1-100 appid_list entries (40097). get_authorizer_option and
// set_authorizer_option (the current paths, body option_name and
// option_value only) take an authorizer's token and read or change the
// options api_get_authorizer_option reads (61003 for a token of an account
// that authorized no component, or a component's; 40097 for an unknown
// option or value).
//
// Batch cloud development keeps environments and shares per component:
// /componenttcb/describeenvs (component_access_token, 40001 otherwise)
// lists the documentation's example environment plus those /tcb/modifyenv
// brought in with the component token (with an authorizer's token it only
// checks env); batchshareenv records each env/appid pair of data (an env
// of the component, an appid that authorized it; err_list entries
// "invalid env" / "invalid appid" otherwise) and answers a confirmation
// link per appid; batchgetenvid lists the envs of a share once
// ConfirmCloudEnvShare confirmed it, and an err_list entry for an appid
// that did not authorize the component. Missing appids, data, env: 40101;
// a source_type other than 1: 40097.
//
// # Mini program links
//
// URL Links, Short Links and NFC schemes are kept per app (MPLinks).
// generate_urllink takes a page without query (40165), a query of at most
// 1024 characters of digits, letters and !#$&'()*+,/:;=?@-._~% (40212), an
// env_version of release, trial or develop (85402) and an expiry in the
// future and at most 30 days ahead: expire_type 0 with expire_time, or 1
// with expire_interval 1 to 30 (40097 "invalid args: NAME"); cloud_base
// needs env. query_urllink answers what generate_urllink kept (with
// ?cq=... appended, the query is cq's value), 85403 for a link it did not
// make, and with query_type 1 remain_visit_quota MPLinkRemainVisits.
// genwxashortlink needs a page_url of at most 1024 characters (40066),
// shows at most 20 characters of page_title followed by "...", and makes
// at most 100000 permanent links (85400); others live 30 days.
// generatenfcscheme needs model_id (40097) and checks jump_wxa like
// generate_urllink.
//
// # Mini program dynamic messages
//
// activityid/create (GET, openid or unionid in the query, 40097
// otherwise) keeps the activity for 24 hours (MPActivities).
// updatablemsg/send needs activity_id, target_state 0 or 1 and
// template_info, whose parameter_list holds member_count and room_limit
// for state 0, path and version_type (release, trial or develop) for state
// 1, all as strings (47001 otherwise); a state 1 message never changes
// again. An unknown or expired activity_id, a missing parameter or a
// change after state 1 answer 40097 "invalid args: NAME" (the docs name no
// errcode of their own for these).
//
// # Mini program plugins
//
// Applications to use a plugin are kept across apps (MPPluginApplications):
// a plugin is a registered app (AddApp, WithApp). /wxa/plugin apply needs
// plugin_appid and reason (40097), a plugin other than the app itself
// (89236) that exists (89239) and is not applied for or approved already
// (89237; refused or timed-out ones may apply again); list shows the
// app's applications with the docs' example nickname; unbind and update
// (user_version, approved plugins only) answer 89044 for a plugin not
// added. /wxa/devplugin, with the plugin's own token: dev_apply_list pages
// (page from 1, num) oldest first; dev_agree, dev_refuse (with reason) and
// dev_delete need appid (the docs name it for dev_agree only; 40097),
// answer 89242 for an app that did not apply, agree and refuse only a
// pending application (89240), delete only a refused or timed-out one
// (89243 pending, 89241 approved). Nothing times out by itself:
// SetMPPluginStatus sets status 4.
//
// # Mini program operations center
//
// The operations center is read-only and answers fixed data shaped like
// the docs' examples. getwxadevinfo takes action getserverdomain,
// getbizdomain or none (40097 otherwise). get_performance needs
// cost_time_type 1 to 3, a range and the four filters (40097) and answers
// a row per day (at most 31) as a JSON string. userlog_search takes a date
// (yyyymmdd, the last 7 days) and begintime and endtime of that day
// (40097) and answers the docs' example log. feedback/list needs page and
// num and pages three feedback rows (types 4, 1 and 7); getfeedbackmedia
// answers a PNG for MPFeedbackMediaID of record MPFeedbackMediaRecord,
// 46001 otherwise. jserr_list and jserr_detail need every documented
// field, even empty ones, days as yyyy-mm-dd and valid enums (40097); the
// list has one error, whose detail has one occurrence.
//
// # Mini program local delivery
//
// 即时配送 (/cgi-bin/express/local/business/*) keeps orders per app, keyed
// by shopid and shop_order_id. The couriers (delivery/getall) and bound
// accounts (shop/get, MPLocalShops: TEST/test_shop_id and a DADA test
// account, with the secrets the docs publish) are fixed. Order requests
// need delivery_sign = sha1(shopid + shop_order_id + secret) (resultcode 1
// "签名校验失败", errcode 0, as the couriers answer), a bound shopid whose
// delivery_id matches (930560) and the documented fields (930561).
// pre_add quotes MPLocalFee plus the tip and keeps nothing; add creates
// the order in state 101 with a waybill_id (930562 for a taken
// shop_order_id); readd places an ended order again (930562 while active,
// 930563 unknown). addtips needs state 101 and a larger tip than the last
// (930561). precancel and cancel answer deduct_fee 0 before a rider is
// assigned, 2 until pickup, 5 after; cancel moves the order to 103, 203 or
// 303 (returning), confirm_return 303-305 to 401. Unknown orders or
// waybills answer 930563, ended ones 930565. test_update_order takes
// shopid test_shop_id and any documented order_status (930561) and sets it
// on an active order (MPLocalOrderStatus reads it).
//
// # Mini program order detail path and special shipping reports
//
// update_order_detail_path keeps the path per app (MPOrderDetailPath) and
// needs "${商品订单号}" in it (10060035). opspecialorder takes a paid order
// of MPAddPaidOrder still to be shipped, by transaction id or merchant
// trade number (268546002), type 1 or 2 (268546000) and, for type 1,
// delay_to 15 to 330 days after payment (268546001); MPSpecialOrder reads
// the report.
//
// # Mini program logistics, courier side
//
// contact/get, path/update, service/business/update and template/preview
// (物流助手 运力方) know one waybill, MPProviderWaybillID with token
// MPProviderToken (9300507 other tokens, 40199 other waybills). path/update
// keeps documented route steps (MPProviderPath; 40097 otherwise);
// service/business/update keeps review results (MPProviderReviews) and
// needs a "wx" shop_app_id (40013) and result_msg for a non-zero
// result_code (40097). template/preview needs a base64 template (9300512)
// and ##key##value## waybill_data (9300502) and answers the template
// unrendered.
//
// # Mini game hosted data
//
// set_user_storage, remove_user_storage and setuserinteractivedata need an
// openid logged in through jscode2session (40003), sig_method hmac_sha256
// (40097) and signature, the hex HMAC-SHA256 of the request body keyed
// with that user's current session_key (87009). Data is kept per app and
// user (MPUserStorage, MPInteractiveData): keys of at most 128 bytes
// (87019), a key and value of at most 1024 bytes (87016), at most 128
// pairs per user (87018); interactive data keys are "1" to "50" (87082)
// with number values.
//
// # Mini program cloud base migrations and indexes
//
// tcb/databasemigrateimport (env, collection_name, file_path, file_type 1
// or 2, boolean stop_on_error, conflict_mode 1 or 2) and
// databasemigrateexport (env, file_path, file_type, query) answer a new
// job_id (from 100074947, the docs' example, per app; 40097 "invalid args:
// NAMES" for missing or bad fields). Jobs finish at once:
// databasemigratequeryinfo (env, job_id; 40097 for an unknown job) answers
// status "success", record_success 3, record_fail 0, error_msg and, for an
// export, file_url ending in its file_path. tcb/updateindex needs env,
// collection_name and both create_indexes and drop_indexes arrays; each
// created index needs a name, a boolean unique and keys with a name and
// direction "1", "-1" or "2dsphere", each dropped one a name (40097).
// tcb/getqcloudtoken needs a whole lifespan of 1 to 7200 seconds (40097),
// allows 10 calls an hour per app (45009) and answers the docs' example
// credential (SECRETID, SECRETKEY, TOKEN) expiring lifespan seconds after
// the server's clock.
//
// # WeCom customer contact
//
// Customer-acquisition links (customer_acquisition/*) are state per corp:
// create_link needs link_name (at most 30 characters) and a range with
// members or departments (at most 500 members), a priority_type of 1 or 2
// with at most 1000 priority members; skip_verify defaults to true. get,
// update_link, delete_link, customer and statistic answer 40058 for an
// unknown link_id. list_link pages 100 ids, customer 1000 rows (the docs'
// three example customers); statistic takes at most 30 days and, like
// customer_acquisition_quota, answers the docs' example figures.
//
// Moment publishing tasks (add_moment_task) check the text (at most 2000
// characters) and attachments (text or attachments; up to 9 images, one
// video or one link, not mixed; media_id, a link's url and a title of at
// most 64 bytes: 40058 "invalid text size", "invalid attachments size",
// "invalid attachments msgtype", "invalid msg") and finish at once:
// get_moment_task_result answers status 3 with the new corp moment, which
// get_moment_list and get_moment_task then show with the sender_list
// members as unpublished tasks; tags that are not corp tags come back in
// invalid_external_contact_list. cancel_moment_task works once per task
// moment (40058 after, and for other moments).
//
// Sensitive-word rules (*_intercept_rule) are state: rule_name of 1 to 20
// characters, 1 to 300 words of 1 to 32 characters, semantics 1 to 3,
// intercept_type 1 or 2, a range with members or departments (at most
// 1000 of each per call, 10000 members in all) and at most 100 rules a
// corp, 40058 otherwise. Ids are numbers, answered as strings except in
// get_intercept_rule, as the docs' examples show; the semantics sent as
// semantics_list come back in extra_rule; update_intercept_rule ignores an
// empty word_list, replaces extra_rule and adds then removes range members.
//
// Product albums (*_product_album) are state: a description of 1 to 300
// characters, a price in fen from 0 to 5000000, a product_sn of at most 128
// digits and letters and 1 to 9 "image" attachments with a media_id
// (40058 otherwise); get_product_album_list pages 50 by default and at most
// 100, and its rows carry no create_time, as in the docs' example.
//
// Group-chat join ways (groupchat/*_join_way) are state: scene 1 or 2, 1
// to 5 chats of the corp (AddWeComGroupChat; 40050 for others),
// auto_create_room 0 or 1 (default 1), room_base_name of at most 40 and
// state of at most 30 characters (40058 otherwise); the remark is cut to
// 30 characters; the QR-code scene gets a qr_code; update_join_way
// overwrites the whole configuration.
//
// # WeCom external payments
//
// Payment merchants (externalpay/getmerchant, set_mch_use_scope) are state
// per corp, added by AddWeComMerchant (the docs have no API that binds
// one): both need a known mch_id (40058 missing or unknown); getmerchant
// answers allow_use_scope only for a bound merchant (bind_status 2), and
// set_mch_use_scope takes only a bound merchant and an allow_use_scope
// object (40058), replacing its user, partyid and tagid lists.
// externalpay/get_bill_list answers three fixed bills shaped like the docs'
// example (transaction ids 4200000001 to 4200000003, payees zhangshan,
// lisi, zhangshan, paid at 1605171800, 1605172000 and 1605172500; the first
// fully refunded) kept when begin_time <= pay_time <= end_time and, if
// payee_userid is set, paid to that member. begin_time and end_time are
// required and at most 31 days apart (40058); limit defaults to and is at
// most 1000; next_cursor is left out after the last page.
// externalpay/get_payment_info needs a payment_id (40058) and answers the
// fixed out_trade_no values OUT4200000001 and OUT4200000002 for any.
// externalpay/get_fund_flow answers three fixed records shaped like the
// docs' example (request_no 1234567890 to 1234567892 at 1605171726,
// 1605171900 and 1605172200, merchants 123456, 123456 and 654321) kept when
// begin_time <= timestamp <= end_time and, if mch_id is set, of that
// merchant; begin_time and end_time are required and at most 31 days apart
// (40058); limit defaults to 100 and is at most 200 (40058); next_cursor is
// left out after the last page.
//
// # WeCom identity
//
// Web-login codes come from WeComOAuthCode (a member) or
// WeComOAuthVisitorCode (an openid and, for a customer, external_userid);
// they live 5 minutes and work once on either user/getuserinfo or
// auth/getuserinfo (40029 otherwise). auth/getuserinfo gives a member still
// in the address book a user_ticket valid WeComUserTicketTTL (1800 s), which
// auth/getuserdetail exchanges, as often as wanted until it expires (40058
// after), for the member's address-book gender, avatar, mobile, email,
// biz_mail and address (empty when not set; gender "0"). Two-factor
// verification: WeComTFACode is the code of the verification page;
// auth/get_tfa_info takes it once within 5 minutes (40029) and answers a
// tfa_code that user/tfa_succ takes once, within 5 minutes, for the same
// userid (40058 otherwise); WeComTFAPassed reports it.
//
// media/upload_attachment takes media_type image, video or file (40004;
// attachment_type 1, moments, takes no files) and attachment_type 1 or 2
// (40058), checks the file like media/upload and keeps it with the corp's
// temporary media; its created_at is a number, as in the docs' example.
//
// # WeCom approval templates and meeting-room bookings
//
// oa/approval/create_template keeps the template per corp, and
// gettemplatedetail and applyevent then know it, as they know templates
// added with AddWeComApprovalTemplate: template_name needs text and lang,
// at most 40 characters, not the name of another template of the corp;
// controls need control, id (unique in the template) and title (40058
// otherwise). update_template replaces the name and controls of a known
// template (301025 otherwise).
//
// meetingroom/book_by_schedule and book_by_meeting book a room (40058 for
// an unknown room, schedule or meeting; 400015 for a cancelled meeting) for
// the schedule's start_time to end_time or the meeting's meeting_start
// plus meeting_duration; a live booking of the room that overlaps answers
// 40058, as meetingroom/book does, and these bookings show in
// get_booking_info. bookinfo/get reads one back by meetingroom_id and the
// booking_id they answered (40058 otherwise).
//
// # WeCom batch jobs
//
// batch/syncuser, replaceuser and replaceparty take the media_id of an
// uploaded temporary media (40007 otherwise) and an optional callback whose
// url is http(s) and encodingaeskey 43 characters (40057); the fake does not
// push batch_job_result. The job runs at once: batch/getresult answers
// status 3, percentage 100 and one result row per line of the file (40058
// for an unknown jobid). The file is CSV (a UTF-8 BOM is skipped) whose
// first line names the columns, by the templates' names or the API's field
// names: members 姓名/name, 帐号/userid, 手机号/mobile, 邮箱/email,
// 所在部门/department (ids separated by ";"), 职务/position, 性别/gender
// (男, 女, 1 or 2), 座机/telephone, 别名/alias, 地址/address; departments
// 部门名称/name, 部门ID/id, 父部门ID/parentid, 排序/order. Other columns are
// ignored. Failed lines: a line with the wrong number of cells or a bad
// value 40058, a missing key column or required value (a new member's
// name) 41035, a taken mobile 60104, a parent department in neither the
// file nor the address book 60003. Members: empty cells leave a field as
// it is; unknown departments are created under the root; new members have
// not joined yet (status 4). replaceuser deletes the members the file
// leaves out, unless that is more than 50 and more than 20% of them, or
// fewer than 50 but more than 80%: then nothing changes and every line
// answers 40058 (the docs name no errcode). replaceparty creates and
// changes departments (action 1 created, 2 renamed, 4 moved, 8 reordered;
// order empty or 0 is left as it is; only department 1 has parent 0), then
// deletes the departments left out that have no members or
// sub-departments.
//
// # WeCom address-book exports
//
// export/simple_user, user, department and taguser take an
// encoding_aeskey of 43 characters of a-z, A-Z, 0-9 (41035 missing, 40058
// otherwise) and an optional block_size of 10000 to 1000000 (40058);
// taguser needs a tagid (41035) of an existing tag (40068). Jobs run at
// once and are kept per corp: export/get_result (41035 without jobid,
// 40058 for an unknown one; the docs name no errcode of their own) answers
// status 2 and one file for simple_user and user: the address book's
// members in creation order as {"userlist": [...]} (simple_user: userid,
// name, department, open_userid; user: the fields user/get answers),
// encrypted with AES-256-CBC (key the base64 of encoding_aeskey + "=", IV
// its first 16 bytes, PKCS#7 padding to a multiple of 32 bytes) and served
// without token under WeComExportFilePrefix, with the size and md5 (hex)
// of the ciphertext. The fake does not model the files of department and
// taguser: those jobs answer status 3 (failed) with no files.
// WeComExportFile and SetWeComExportFile read and replace a served file
// (get_result keeps the size and md5 of the file as built).
//
// # WeCom chat archiving
//
// The msgaudit endpoints answer fixed data: the archived members are
// zhangsan (editions 1 and 3) and lisi (edition 2); get_permit_user_list
// takes type 0 to 3 (40058). check_single_agree takes 1 to 100 chats (41035
// none or a chat without userid or exteranalopenid, 40058 more) and
// answers, for every member, Agree for customer WeComAuditAgreed and
// Disagree for WeComAuditDisagreed at WeComAuditAgreeTime, leaving other
// customers out. check_room_agree and groupchat/get take the roomid of a
// customer group chat (AddWeComGroupChat; 40050 otherwise): the first
// answers those two customers among its members, the second its name,
// owner, creation time, an empty notice and every member, joined at the
// creation time. get_robot_info is not faked (its doc page was not
// available to confirm the wire format).
//
// # WeCom documents
//
// wedoc/create_doc keeps documents per corp (every agent of the corp sees
// them): doc_type 3, 4 or 10 (40058 otherwise), a spaceid needs a fatherid
// (40058); doc_name is truncated to 255 characters, and new_name of
// rename_doc to 255 with a non-ASCII character counting 2, as the docs
// state. create_doc answers url and docid; get_doc_base_info answers
// docid, doc_name, create_time, modify_time (rename_doc sets it) and
// doc_type. rename_doc, del_doc and doc_share take exactly one of docid and
// formid, get_doc_base_info a docid: the fake keeps no collection forms, and
// a missing, doubled or unknown (deleted) id answers 40058 (the docs name no
// errcode of their own). doc_share answers a share_url derived from the
// docid. Permissions (doc_get_auth, mod_doc_join_rule, mod_doc_member take
// a known docid, 40058 otherwise) start as the docs' doc_get_auth example
// (members and outsiders may view, read only, joining approved by an
// admin, fixed security settings, no departments), with admin_users as
// members of auth 7. mod_doc_join_rule changes the fields it is sent (a
// bool that is not a bool, or an auth not 1 or 2, answers 40058); it
// answers 40058 when the result disables members but lets them join
// without approval, disables outsiders and sharing outside unbanned
// without approval, or sets an approval on a document without admin;
// with update_co_auth_list it replaces the departments (type 2, a
// departmentid, auth 1 or 2). mod_doc_member adds or changes (by userid or
// tmp_external_userid, exactly one) the members of
// update_file_member_list (auth 1, 2 or 7) and removes those of
// del_file_member_list; type must be 1 and each list holds at most 100
// (40058). Auth 2 (read-write) is for smart sheets (doc_type 10) only:
// 40058 on other documents.
//
// # WeCom e-invoices
//
// card/invoice/reimburse/* know the invoices of WeComReimburseInvoices
// (owned by the openids user/convert_to_openid gives seeded members), each
// with a reimburse_status per corp starting at INVOICE_REIMBURSE_INIT and
// answered in the docs' example shape (getinvoiceinfobatch without
// begin_time and end_time). A missing card_id or encrypt_code, an empty
// item_list or invoice_list, a missing openid, a status other than INIT,
// LOCK or CLOSURE, a change of a CLOSURE invoice or, in updatestatusbatch,
// an invoice of another openid answer 40058 and change nothing (the batch
// is all or none); an unknown invoice answers 72017.
//
// # WeCom id conversions (more)
//
// batch/openuserid_to_userid takes 1 to 1000 open_userids (40058
// otherwise) and converts those batch/userid_to_openuserid gives the
// caller's corp members; others, plain userids too, are listed invalid
// (source_agentid is not checked). idconvert/convert_tmp_external_userid
// takes business_type 1 to 3, user_type 1 to 4 and 1 to 100 ids (40058
// otherwise); a tmp_external_userid is WeComTmpIDPrefix followed by a
// known customer's external_userid (user_type 1, answered as
// external_userid) or by "CORPID:USERID" (other types, answered as corpid
// and userid); others are listed invalid.
//
// # WeCom health reports
//
// health/* answer fixed data in the docs' example shapes: the running jobs
// are WeComHealthJobIDs, paged by offset and limit (at most 100, 0 for
// 100; a negative offset or larger limit answers 40058) with ending 1 on
// the last page. get_health_report_stat takes a date ("2006-01-02", China
// time) within the last 30 days, get_report_job_info and get_report_answer
// a job of WeComHealthJobIDs and a date within the last 14 days (40058
// otherwise); every job has the same two questions and two answers (by the
// seeded members).
//
// # WeCom domain IPs, mini program sessions and public phone
//
// get_api_domain_ip answers WeComAPIDomainIPs. miniprogram/transfer_session
// needs userid and session_key of at most 64 bytes each (40058 otherwise);
// the fake keeps no upstream/downstream corps and answers a userid derived
// from the caller's corp and the given one with a new session_key.
// dial/get_dial_record knows two calls, a day and two days before the
// request (the docs' example shapes); it answers 600018 for an end_time
// before start_time, takes the last 30 days when no time is given and at
// most 30 days before end_time, pages by offset and limit (0 or more than
// 100 mean 100).
//
// # WeCom WeDrive management, app sharing and mail
//
// wedrive/mng_pro_info and wedrive/mng_capacity answer the docs' examples.
// corpgroup/corp/list_app_share_info answers, for any agentid above 0 and
// business_type 0 or 1 (40058 otherwise), the WeComSharedCorps of that
// type (only corpid's when given), cursor-paged by limit (at most 100, 40058
// above; 0 for all at once) with ending 1 on the last page.
// exmail/app/compose_send needs at least one address or userid in to
// (40058), lists of strings in to, cc and bcc, a content_type of html or
// text when given, attachments with a file_name and base64 content, at
// most 200 of them and 50 MB with the body (40058 otherwise); it sends
// nothing.
//
// # WeCom member authorization and provider approval templates
//
// user/list_member_auth answers every member of the caller's corp as
// authorized, by the open_userid batch/userid_to_openuserid gives it,
// cursor-paged (limit up to 1000, 40058 above); check_member_auth answers
// is_member_auth true for those (40058 without open_userid).
// list_selected_ticket_user knows WeComSelectedTicket only (40058
// otherwise): the two seeded members picked by the first, one more outside
// the visible range, 3 in total. oa/approval/copytemplate adds (or, called
// again, replaces) template "open_" + open_template_id among the corp's
// approval templates, with no controls; an empty open_template_id answers
// 301025.
//
// # Mini program short-drama reviews
//
// submitreplacedramamedias takes drama_id and a non-empty
// replace_media_list of an approved drama (10090001 unknown, 10090004 not
// approved): every old must be an episode of the drama and every new an
// existing media in no drama (40097, 10090001 unknown); it opens a
// replacement review (audit type 2, status 1), replacing any earlier
// pending list. MPSetDramaReview sets the status of the review of type 2
// or 3; once approved, replacedramamedia applies one old_media_id ->
// new_media_id pair for 7 days (40097 otherwise, and once applied): the
// drama's episode becomes the new media, which joins the drama approved.
// modifydramabasicinfo takes a known drama_id, a description of at most
// 200 characters and qualification_type 0-2 (1 with registration_number,
// 40097 otherwise) and opens a review of type 3; approving it applies the
// description and recommendations. getdramalatestauditinfo takes drama_id
// and audit_type 0-3 (40097): types 0 and 1 answer the drama's own review
// (the fake does not tell a resubmission from the first submission), types
// 2 and 3 the review above, or status 0 when there is none. listpackages
// takes status 0-3, offset, limit 1-100 and query_type 0-1 (40097) and
// pages three fixed packages: two general ones (valid, expired) and one
// targeted.
//
// # Mini program service market
//
// /wxa/servicemarket (invokeService) needs service, api and client_msg_id
// as non-empty strings and data as an object or a non-empty string (40097
// otherwise); it answers data MPServiceMarketAnswer (a JSON text shaped
// like the docs' OCR example), or, with async true, a request_id derived
// from client_msg_id.
//
// # Mini program short-drama copyright authorization
//
// authorizecopyright and deauthorizecopyright take authorization_type 1
// with authorized_subject_cert_no or 2 with authorized_appid, and at most
// 100 drama_ids (47003 otherwise); authorizecopyright also takes an
// expire_time of 0 or at least 7 days ahead (47003). Each drama is
// authorized when it exists (10090001 in its result otherwise) and is
// approved (10090004): the fake does not model copyright protection
// itself. A repeated authorization updates the expiry; deauthorizecopyright
// answers 10090043 in the result of a drama not authorized to that
// grantee. The authorizations are kept across apps: getcopyrightauthorizedlist
// lists those made to the calling app's appid (type 2; subject grants are
// listed to no app), filtered by authorizer_appid and paged by offset and
// limit (1-1000, default 100, 47003 beyond).
//
// # WeCom home-school address book
//
// The school fakes (家校沟通) keep one school per corp: students, parents
// and departments, which every agent of the corp sees. The root department
// 1 (type 5) exists; department/create takes parentid (an existing
// department, 60003) and type 1 to 4 (40058), a class under a grade only, an
// id greater than 1 not in use (60008) or none (generated), a name of 1 to
// 32 characters without -:*?"<>/ (not needed for a grade with
// standard_grade), register_year 1970 to 2100 and order in [0, 2^32)
// (40058), and department_admins whose type fits the department (campus
// head on a campus, grade head on a grade, stage head on a stage, class
// teacher and teacher on a class; a subject, at most 15 characters, for
// those two only) (40058). department/update changes the fields sent (op 0
// adds or replaces an admin, 1 removes one), moves the department under
// another (not under itself) and renumbers it with new_id (60008 when
// taken), students following; department/delete refuses the root (40058),
// a department with sub-departments (60006) or students (60005);
// department/list answers the department and those under it (all without
// id) in creation order. A userid is 1 to 64 bytes of [0-9A-Za-z_-@.]
// starting with a digit or letter (40003), unique among students and
// parents without regard to case (60102). A student needs a name (1 to 32
// characters) and 1 to 20 existing departments (40058, 60003); a parent a
// mobile and 1 to 10 children, existing students (60111), with a relation
// of at most 32 bytes (40058). The new_*_userid of an update is allowed
// once per user (40058); update_parent replaces the children when given
// some. A student with parents cannot be deleted (40058; the docs name no
// errcode); unknown users answer 60111. Batch calls take 1 to 100 items;
// a malformed or over-limit item refuses the whole request (as the docs
// say), else each item is applied in turn and the answer lists the
// failures in result_list (student_userid or parent_userid, errcode,
// errmsg) with the first failure's errcode and errmsg on top, as the docs'
// example shows. user/get, user/list and user/list_parent answer the
// stored users (is_subscribe 0, no external_userid: nobody follows the
// school). WeComSchoolCode makes a web-login code of a student or parent
// (5 minutes, once) for school/getuserinfo (40029 otherwise).
// A standard grade created without register_year answers none (the fake
// does not work it out from the grade table). set_arch_sync_mode takes 1
// to 3 and only adds restrictions (1 then 2 is 3); set_upgrade_info keeps
// upgrade_time (Unix seconds, 40058 otherwise) and upgrade_switch (a
// number: 1 on, any other off) and answers the next midnight, China time, on that
// month and day; WeComSchoolSettings reads both. agent/get_allow_scope
// needs the caller's agentid (40058) and answers the docs' example, as do
// living/get_living_info (a livingid), living/get_watch_stat (livingid and
// next_key), get_payment_result (payment_id) and get_trade (payment_id and
// trade_no) (40058 without). living/get_watch_stat_v2 and
// get_unwatch_stat_v2 answer the docs' example in two pages (next_cursor
// "0", then "1"; others 40058). Not faked: get_teacher_view_mode and
// set_teacher_view_mode, the v1 get_unwatch_stat and the health (复学码)
// endpoints, whose doc pages were not available to confirm the wire format.
//
// # Channels shop
//
// The Channels shop endpoints (视频号小店 / 微信小店, /channels/ec/...) take
// the access token of any registered app; their state is kept per app.
// basics/info/get (GET only, 43001 otherwise) answers ChannelsShopInfo, the
// docs' example shop.
//
// Products: add and update check the body (errcodes of the product pages):
// title empty 10020020, over 60 characters 10020021, fewer than 5 letters,
// digits or Chinese characters or only ASCII letters and digits 10020042;
// head_imgs none 10020022, over 9 10020023, fewer than 3 or repeated 10020051;
// out_product_id over 128 characters 10020036; neither cats nor cats_v2
// 10020011; skus none or over 500 10020013; a sale_price of 0 10020039; an
// image (head_imgs, desc_info.imgs, skus[].thumb_img) not under
// ChannelsImagePrefix (https://mmecimage.cn/p/) 10020035. add answers
// data.product_id (a string, from 10000000000001) and data.create_time
// (Beijing time); the product is a draft (status 0, edit_status 1) with
// numbered SKUs. update takes the product_id of a product not deleted
// (10020052) and replaces its draft, keeping the SKUs whose sku_id is sent
// (an unknown one answers 10020051) and numbering the others. get answers
// product (online data, for data_type 1 or 3, once listed) and edit_product
// (the draft, for 2 or 3; other values 10020051), product_id and sku_id as
// numbers, stock_num the SKU's current stock. listing puts the draft online
// at once (the fake does not review: status 5, edit_status 4); delisting
// needs a listed product (10020065) and sets status 11; delete sets status 9,
// after which every call but list answers 10020052. list/get takes
// page_size 1 to 30 (10020051) and an optional status; without one it lists
// the products listed at least once that are neither in the recycle bin nor
// deleted, in creation order; next_key is opaque ("chpk" and an offset; a
// bad one answers 10020051) and left out after the last page. stock/get
// answers the SKU's stock as normal_stock_num and total_stock_num (no flash
// sale or regional stock; unknown sku_id 10020051). stock/update needs a
// product listed at least once (10020289), diff_type 1, 2 or 3 and num >= 0
// (10020051), a num above 0 to add or remove (10020218) and enough stock to
// remove (10020219).
//
// Orders: ChannelsAddOrder makes a paid order (status 20) of a SKU of a
// listed product (it takes the stock; openid ChannelsBuyerOpenID unless
// given; address ChannelsOrderAddress; no freight) and ChannelsSetOrderStatus
// moves it (the fake does not ship, settle or cancel orders by itself).
// Order ids count from 3700000000000000001; an unknown one answers 100002.
// order/get answers the order with order_detail (product_infos,
// price_info, pay_info, delivery_info.address_info, ext_info). list/get
// needs create_time_range or update_time_range (start_time <= end_time,
// at most 7 days apart) and page_size 1 to 100 (10 when left out), filters
// by both ranges, status and openid, and pages in creation order with an
// opaque next_key ("chok" and an offset), left out after the last page.
// merchantnotes/update needs merchant_notes and replaces the notes.
// address/update needs user_address with user_name, province_name,
// city_name, detail_info and tel_number, an order in status 10 or 20 and
// fewer than 5 earlier changes. price/update needs change_express, an
// unpaid order (status 10) and fewer than 50 earlier changes; each
// change_order_infos entry names the order's product_id and sku_id and a
// change_price from 0 to the SKU's original total; express_fee must stay 0.
// The docs' error tables of those three were not available: their rule
// violations answer 40097 ("invalid args: ..."), which the order pages use
// for invalid arguments; a field of the wrong type answers 47001.
// deliverycompanylist/get answers ChannelsDeliveryCompanies, the docs'
// example (SF, YTO, ZTO).
//
// After-sale requests: ChannelsAddAfterSale opens a buyer's request
// (REFUND or RETURN, status MERCHANT_PROCESSING) for SKUs of a paid order
// not already in after-sale, refunding their share of the order price; ids
// count from 1934000000000001; the order shows them in
// on_aftersale_sku_cnt, then in finish_aftersale_sku_cnt once refunded
// (every SKU refunded: the order goes to status 200). getaftersaleorder
// answers after_sale_order; an empty id answers 10020000, an unknown one
// 10021050 (also for acceptapply and rejectapply). acceptapply refunds a
// REFUND request at once (MERCHANT_REFUND_SUCCESS); for a RETURN it needs
// address_id (10021060) and waits for the goods (USER_WAIT_RETURN) until
// ChannelsReturnGoods records the return shipment (MERCHANT_WAIT_RECEIPT),
// after which acceptapply refunds it (MERCHANT_RETURN_SUCCESS). accept_type
// 1 or 2 must fit that step and an accept_type outside 0-2 answers
// 10021041; a request in another state answers 10020001. rejectapply needs
// reject_reason_type (40097) and a request being processed or waiting for
// receipt (10020001 otherwise): MERCHANT_REJECT_REFUND or
// MERCHANT_REJECT_RETURN, keeping reject_reason. getaftersalelist needs
// begin/end_create_time or begin/end_update_time as pairs (40097), each at
// most 24 hours with end after begin (10020004), and pages
// ChannelsAfterSalePage (10) ids in creation order with has_more and an
// opaque next_key ("chak" and an offset; "" on the last page).
//
// Not faked (nor wrapped): order delivery (/channels/ec/order/delivery/send),
// whose doc page was not available to confirm the wire format; the fake
// does not ship orders: ChannelsSetOrderStatus stands in for it.
//
// Home-school web login of suites (家校沟通 > 网页授权登录):
// SuiteSchoolOAuthCode issues a code (once, 5 minutes) for a parent or
// student of the home-school address book of a corp that installed the
// suite ("" otherwise). service/getuserinfo3rd answers a member's code
// (SuiteOAuthCode) with CorpId, UserId and DeviceId, and a parent's with
// CorpId, DeviceId, external_userid and parents (the corp only); a
// student's code or a WeChat user of no corp answers 40029 (the page's
// answer for the latter was not readable). service/school/getuserinfo3rd
// answers parents or students (corpid and userid) and 40029 for a
// member's code. Both answer 40029 for a missing, unknown, used, expired
// or over-512-byte code or a user since removed from the school. DeviceId
// and a parent's external_userid are derived from corp and userid.
//
// Hardware data of suites (智慧硬件): AuthorizeSuiteDevice grants a device
// (WeComAuthorizedDevice, by SN) of a corp that installed the suite to the
// suite's app there, RevokeSuiteDevice withdraws it.
// devicedata/get_auth_info, with the app's corp token, answers the granted
// devices in SN order under device_list.item; a suite's app must send its
// own agentid (40056 otherwise, also for get_checkin_data).
// AddSuiteDeviceCheckin records a device's attendance record (its
// checkin_time is taken as upload time); devicedata/get_checkin_data
// answers, in upload order, the records of devices granted to the app with
// the user_type asked, in begin_time..end_time, of device_sn_list
// (data_filter_type 1) or open_userid_list (2), and answers 40097 for
// user_type other than 0 or 2, a span over 31 days or reversed, another
// data_filter_type, an empty or over-100 list, limit over 500 (0: 200) or
// a bad cursor (an opaque offset, next_cursor "" on the last page).
//
// Merchant addresses (merchant/address/...): add and update take
// address_detail with address_info holding user_name, province_name,
// city_name, county_name and detail_info (40097 "invalid args: ..."
// otherwise; the docs list no special errcode); send_addr, default_send,
// recv_addr and default_recv may be booleans (the docs' type) or 0/1 (their
// examples; other numbers 40097) and are kept as booleans; an address
// marked default_send or default_recv takes that mark from the others. add
// answers address_id as a string counting from 1000001 (the add page's
// answer table was not available: the id is where get and list put it);
// update needs address_detail.address_id of a kept address. get and delete
// take address_id as a string or number; an unknown one answers 40097. get
// answers address_detail with address_id a number, create_time and
// update_time (Unix seconds). list needs offset >= 0 and limit >= 1 (40097)
// and answers address_id_list (strings) in creation order.
//
// Categories: /shop/ec/category/all (POST or GET: the docs show both)
// answers ChannelsCategories, the docs' example branch 酒类 → 洋酒 →
// 国产白兰地 in the old tree (cats, three levels) and the new one
// (cats_v2, whose leaf 545301 has leaf true); qua_id 0 and no licence
// groups. /shop/ec/category/detail takes cat_id as a JSON number and
// answers ChannelsCategoryDetails for a leaf (545301); a string, a
// non-leaf or an unknown id answers 9401020 (参数有误).
// /channels/ec/category/list/get (GET only) answers
// ChannelsAvailableCategories, the docs' example list.
//
// Funds: each app's account starts at the docs' example balance
// (ChannelsAvailableAmount 45331 available, ChannelsPendingAmount 7549
// pending, sub_mchid ChannelsSubMchID); getbalance takes an empty JSON
// object. submitwithdraw needs an amount above 0 and at most the available
// balance, and one withdrawal a Beijing day (40097 "invalid args: ..."
// otherwise; the docs list no special errcode); it takes the amount from
// the available balance and answers withdraw_id ("wd" and a number) and a
// qrcode_ticket; the record stays CREATE_SUCCESS (the fake does not pay
// out). getwithdrawdetail answers the record (unknown withdraw_id 40097);
// getwithdrawlist needs page_num and page_size of at least 1 (40097),
// filters by create time within start_time and end_time (0 leaves a bound
// out) and answers withdraw_ids in submission order with total_num.
// getfundsflowdetail answers an entry of the fixed ChannelsFundsFlows (the
// first has the docs' example flow_id 10000057741221110; others 40097);
// withdrawals add no entry. getfundsflowlist pages their flow_ids in order
// by page (from 1) and page_size (10 when left out); both must be 1 to
// 10000 (the fake's own bound), page * page_size from 10000 on needs
// next_key, and a next_key must be the one answered for the previous page
// ("chfk" and an offset; 40097 otherwise). It filters by bookkeeping time
// (Beijing) within start_time and end_time; no entry has a transaction_id,
// so that filter answers none. has_more tells whether a page follows;
// next_key is "" after the last page.
//
// Coupons (coupon/...): ChannelsAddCoupon puts a coupon in an app's shop
// (ChannelsCoupon; ids from 12639900, the docs' example; status 1,
// editing), standing in for coupon/create and coupon/update, which the fake
// does not answer (their doc pages were not fully readable). get takes
// coupon_id as a string or number and answers coupon (coupon_id a string,
// promote_type 1, valid_type 2, stock_info); unknown 10021037 (优惠券不存在).
// get_list needs page >= 1, page_size 1 to 200 and page_ctx ("" first;
// 40097 otherwise) and status 1 to 5 or 200 (expired or void; 10021001
// otherwise); it answers coupons (coupon_id strings, creation order),
// total_num and page_ctx ("chcp:" and the page; a page_ctx not of that form
// answers 40097). A page more than 10 from the page_ctx's page, or a first
// page from 10 on that is not the last, answers 10021036. update_status
// needs status (40097) and moves 1 to 2, 1 or 2 to 4, and 1, 3 or 4 to 5;
// deleting a coupon in effect (2) answers 10021003 (优惠券还没过期), any
// other move 10021001; unknown coupon_id 10021037. ChannelsGiveCoupon gives
// a user a coupon in effect (user coupon ids from 109694341, status 100).
// get_user_coupon_list needs openid (40003), status 100, 101 or 102 when
// sent (10021001), the paging rules of get_list, and answers
// user_coupon_list (user_coupon_id and coupon_id strings, in the order
// given), total_num and page_ctx. get_user_coupon is not faked: its page
// shows the answer both as user_coupon_list and as user_coupon.
//
// Regional warehouses (warehouse/...): create needs an out_warehouse_id of
// 1 to 128 of [0-9a-zA-Z-_.] (10020200), name and intro (10020205) and an
// out_warehouse_id not yet used (10020206, the fake's choice: the docs say
// only that an id makes one warehouse); a cover location needs address_id1
// and no level set below an unset one (10020203); a repeated location is
// kept once. get, detail/update, coverlocations/add and del answer 10020202
// for an unknown out_warehouse_id; add and del need cover_locations (40097).
// list/get takes page_size 1 to 10 and pages in creation order with an
// opaque next_key ("chwh" and an offset; a bad one or page_size 40097),
// "" after the last page. address/prioritysort/get answers the warehouses
// covering exactly the location, in the order set by prioritysort/set
// (unknown id 10020202, repeated 10020206) and then by creation. stock/get
// and stock/update need a SKU of a product of the app not deleted (10020052)
// and a warehouse (10020202); stock starts at 0; update needs diff_type 1,
// 2 or 3, num >= 0 and enough stock to remove (10020051) and at most 100
// warehouses per SKU (10020204). Warehouse stock is not shown by
// product/stock/get.
//
// Brand library: brand/all (answered at /shop/ec/brand/all, the current
// docs' path, and /channels/ec/brand/all, the older one) pages through
// ChannelsBrands, the docs' example brands; page_size is 1 to 50 (10 when
// left out); next_key is the brand_id of the next page's first brand, ""
// with continue_flag false after the last page; a bad page_size or
// next_key answers 10020055.
package fakewechat
