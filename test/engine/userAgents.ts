/**
 * User-Agent strings as servers log them, for the send-and-wait link-preview check.
 * PEOPLE: browsers a member may open a card's link in. Phones of several makes, Cubot among them
 * (its model names end in "bot": CUBOT X50, CUBOT_X30, CUBOT NOTE 20), WeCom's in-app browser
 * (`wxwork/...`) on Android, iOS, Windows and macOS, WeChat's, and the usual mobile and desktop
 * browsers. FETCHERS: what chat apps, search engines and link checkers send when they fetch a
 * link to preview or index it, as each of them documents or logs its agent.
 */
export const PEOPLE: Record<string, string> = {
	'Cubot X50, Chrome WebView':
		'Mozilla/5.0 (Linux; Android 12; CUBOT X50 Build/SP1A.210812.016; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/141.0.7390.43 Mobile Safari/537.36',
	'Cubot X50, Chrome':
		'Mozilla/5.0 (Linux; Android 11; CUBOT X50 Build/RP1A.200720.011) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36',
	'Cubot X30, Chrome':
		'Mozilla/5.0 (Linux; Android 10; CUBOT_X30) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36',
	'Cubot Note 20, Chrome':
		'Mozilla/5.0 (Linux; Android 12; CUBOT NOTE 20 Build/SP1A.210812.016) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/108.0.0.0 Mobile Safari/537.36',
	'Cubot Max 3, Chrome':
		'Mozilla/5.0 (Linux; Android 8.1.0; CUBOT MAX 3) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/96.0.4664.45 Mobile Safari/537.36',
	'Cubot P60, Instagram in-app browser':
		'Mozilla/5.0 (Linux; Android 12; P60 Build/SP1A.210812.016; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/118.0.0.0 Mobile Safari/537.36 Instagram 308.0.0.36.109 Android (31/12; 320dpi; 720x1468; CUBOT; P60; P60; mt6765; es_ES; 534961953)',
	'WeCom on a Cubot X50 (WeCom Android suffix on the Cubot WebView)':
		'Mozilla/5.0 (Linux; Android 12; CUBOT X50 Build/SP1A.210812.016; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/141.0.7390.43 Mobile Safari/537.36 wxwork/4.1.22 ColorScheme/Light MicroMessenger/7.0.1 NetType/WIFI Language/zh Lang/zh',
	'WeCom, Android (Xiaomi)':
		'Mozilla/5.0 (Linux; Android 12; M2102K1C Build/SKQ1.211006.001; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/97.0.4692.98 Mobile Safari/537.36 wxwork/4.1.0 ColorScheme/Light MicroMessenger/7.0.1 NetType/WIFI Language/zh Lang/zh',
	'WeCom, iPhone':
		'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 wxwork/4.1.26 MicroMessenger/7.0.1 Language/en ColorScheme/Light',
	'WeCom, Windows':
		'Mozilla/5.0 (Windows NT 10.0; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/81.0.4044.138 Safari/537.36 wxwork/4.0.19 (MicroMessenger/6.2) WindowsWechat MailPlugin_Electron WeMail embeddisk',
	'WeCom, macOS':
		'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) wxwork/4.1.16 (MicroMessenger/6.2) WeChat/2.0.4',
	'WeChat, Android':
		'Mozilla/5.0 (Linux; Android 13; V2219A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/111.0.5563.116 Mobile Safari/537.36 XWEB/1110005 MMWEBSDK/20230701 MMWEBID/4421 MicroMessenger/8.0.40.2420(0x28002851) WeChat/arm64 Weixin NetType/5G Language/zh_CN ABI/arm64',
	'Safari, iPhone':
		'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
	'Chrome, Android (reduced agent)':
		'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36',
	'Samsung Internet':
		'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36',
	'Huawei Browser':
		'Mozilla/5.0 (Linux; Android 10; HarmonyOS; NOH-AN00; HMSCore 6.11.0.302) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/99.0.4844.88 HuaweiBrowser/14.0.1.300 Mobile Safari/537.36',
	'Xiaomi Mi Browser':
		'Mozilla/5.0 (Linux; U; Android 12; zh-cn; 2201123C Build/SKQ1.211006.001) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/100.0.4896.58 Mobile Safari/537.36 XiaoMi/MiuiBrowser/17.0.9',
	'Telegram in-app browser':
		'Mozilla/5.0 (Linux; Android 13; SM-A145F Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0 Mobile Safari/537.36 Telegram-Android/10.6.2 (Samsung SM-A145F; Android 13; SDK 33; AVERAGE)',
	'Firefox, Windows': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0',
	'Edge, Windows':
		'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/128.0.0.0 Safari/537.36 Edg/128.0.0.0',
};

export const FETCHERS: Record<string, string> = {
	'Slack unfurl': 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
	'Slack image proxy': 'Slack-ImgProxy (+https://api.slack.com/robots)',
	'Facebook / Messenger preview': 'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
	'WhatsApp preview': 'WhatsApp/2.23.20.0 A',
	'Telegram preview': 'TelegramBot (like TwitterBot)',
	'X (Twitter) card': 'Twitterbot/1.0',
	'Discord embed': 'Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)',
	'LinkedIn preview': 'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)',
	'Skype / Teams preview':
		'Mozilla/5.0 (Windows NT 6.1; WOW64) SkypeUriPreview Preview/0.5 skype-url-preview@microsoft.com',
	'Bing preview': 'Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/534+ (KHTML, like Gecko) BingPreview/1.0b',
	Iframely: 'Iframely/1.3.1 (+https://iframely.com/docs/about)',
	Embedly: 'Mozilla/5.0 (compatible; Embedly/0.2; +http://support.embed.ly/)',
	'Googlebot smartphone':
		'Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.6478.126 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
	Bingbot: 'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)',
	Applebot:
		'Mozilla/5.0 (iPhone; CPU iPhone OS 8_1 like Mac OS X) AppleWebKit/600.1.4 (KHTML, like Gecko) Version/8.0 Mobile/12B410 Safari/600.1.4 (Applebot/0.1; +http://www.apple.com/go/applebot)',
	Baiduspider: 'Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)',
	Bytespider:
		'Mozilla/5.0 (Linux; Android 5.0) AppleWebKit/537.36 (KHTML, like Gecko) Mobile Safari/537.36 (compatible; Bytespider; spider-feedback@bytedance.com)',
	'Sogou spider': 'Sogou web spider/4.0(+http://www.sogou.com/docs/help/webmasters.htm#07)',
	YandexBot: 'Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)',
	'Yahoo Slurp': 'Mozilla/5.0 (compatible; Yahoo! Slurp; http://help.yahoo.com/help/us/ysearch/slurp)',
	DuckDuckBot: 'DuckDuckBot/1.1; (+http://duckduckgo.com/duckduckbot.html)',
	'Headless Chrome (link scanners)':
		'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/126.0.0.0 Safari/537.36',
	curl: 'curl/8.4.0',
	'Python requests': 'python-requests/2.31.0',
	'Go HTTP client': 'Go-http-client/1.1',
	'no User-Agent': '',
};
