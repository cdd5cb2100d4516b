/// Family and given names of Japan, China and Korea in their own scripts, with Japanese family
/// names also in katakana. Written for this project from general knowledge of the most frequent
/// names (national surname rankings); not copied from any data set.
enum EastAsianNames {
    /// Japanese family names in kanji (the hundred or so most frequent).
    static let japaneseFamily: Set<String> = Lexicon.words(
        """
        佐藤 鈴木 高橋 田中 伊藤 渡辺 渡邊 山本 中村 小林 加藤 吉田 山田 佐々木 山口 松本 井上 木村 林 斎藤 斉藤 清水 山崎 森
        池田 橋本 阿部 石川 山下 中島 石井 小川 前田 岡田 長谷川 藤田 後藤 近藤 村上 遠藤 青木 坂本 斉木 福田 太田 西村 藤井
        金子 岡本 藤原 中野 三浦 原田 中川 松田 竹内 小野 田村 中山 和田 石田 森田 上田 原 柴田 酒井 工藤 横山 宮崎 宮本 内田
        高木 安藤 島田 谷口 大野 丸山 今井 高田 藤本 武田 村田 上野 杉山 増田 小山 大塚 平野 菅原 久保 松井 千葉 岩崎 桜井 木下
        野口 松尾 菊地 野村 新井 渡部 大西 西田 北村 服部 小島 菅野 市川 早川 石原 永井 荒木 古川 坂口 平田 中田 吉川 河野 辻
        山内 岡崎 西川 松下 高野 中西 桑原 水野 小松 大橋 荒井 北川 安田 吉村 飯田 杉本 小池 浅野 今村 大川 片山 岩田 佐野 武藤
        矢野 中尾 小西 本田 関 久保田 吉岡 須藤 中谷 川口 川崎 堀 野田 菊池 伊東 秋山 土屋 宮田 大石 平井 西山 福井 福島 星野
        松岡 黒田 浜田 宮下 田口 熊谷 尾崎 小田 永田 川上 松村 大谷 青山 岡 内藤 樋口 村井 島 長田 田島 東 奥村 栗原 平山 河合
        榎本 山中 吉野 大森 小倉 江口 望月 松浦 竹田 森本 細川 原口 福本 高山 小沢 小野寺 岩本 山根 中井 三宅 白石 松原 北野
        高井 宮内 西野 小山田 八木 柳田 堤 大島 内山 西岡 金井 前川 林田 新田 根本 川村 野崎 小泉 香川 下田 石塚 今井 大塚
        """
    )
    /// Japanese family names in katakana, as written in furigana columns.
    static let japaneseFamilyKana: Set<String> = Lexicon.words(
        """
        サトウ スズキ タカハシ タナカ イトウ ワタナベ ヤマモト ナカムラ コバヤシ カトウ ヨシダ ヤマダ ササキ ヤマグチ マツモト
        イノウエ キムラ ハヤシ サイトウ シミズ ヤマザキ モリ イケダ ハシモト アベ イシカワ ヤマシタ ナカジマ イシイ オガワ マエダ
        オカダ ハセガワ フジタ ゴトウ コンドウ ムラカミ エンドウ アオキ サカモト フクダ オオタ ニシムラ フジイ カネコ オカモト
        フジワラ ナカノ ミウラ ハラダ ナカガワ マツダ タケウチ オノ タムラ ナカヤマ ワダ イシダ モリタ ウエダ ハラ シバタ サカイ
        クドウ ヨコヤマ ミヤザキ ミヤモト ウチダ タカギ アンドウ シマダ タニグチ オオノ マルヤマ イマイ タカダ フジモト タケダ
        ムラタ ウエノ スギヤマ マスダ コヤマ オオツカ ヒラノ スガワラ クボ マツイ チバ イワサキ サクライ キノシタ ノグチ マツオ
        """
    )
    /// Japanese given names in kanji or kana.
    static let japaneseGiven: Set<String> = Lexicon.words(
        """
        太郎 次郎 一郎 翔太 大輔 健太 拓也 直樹 誠 浩 隆 学 剛 大樹 翔 蓮 悠真 湊 陽翔 樹 大和 颯 悠人 陽斗 蒼 律 健一 和也 達也
        花子 裕子 陽菜 結衣 美咲 さくら 葵 愛 恵 優子 由美 真由美 久美子 陽子 明美 直子 智子 凛 結菜 芽依 莉子 美月 紬 陽葵 彩
        タロウ ショウタ ダイスケ ケンタ タクヤ ナオキ マコト ヒロシ タカシ ユウマ レン ハルト ソウタ ハナコ ユウコ ヒナ ユイ ミサキ
        サクラ アオイ アイ メグミ ユミ ヨウコ アケミ リコ ミヅキ ツムギ
        """
    )
    /// Chinese family names, single and compound (the most frequent, in simplified and
    /// traditional characters).
    static let chineseFamily: Set<String> = Lexicon.words(
        """
        王 李 张 張 刘 劉 陈 陳 杨 楊 黄 黃 赵 趙 吴 吳 周 徐 孙 孫 马 馬 朱 胡 郭 何 高 林 罗 羅 郑 鄭 梁 谢 謝 宋 唐 许 許 韩 韓
        冯 馮 邓 鄧 曹 彭 曾 肖 蕭 田 董 袁 潘 于 蒋 蔣 蔡 余 杜 叶 葉 程 苏 蘇 魏 吕 呂 丁 任 沈 姚 卢 盧 姜 崔 钟 鍾 谭 譚 陆 陸
        汪 范 金 石 廖 贾 賈 夏 韦 付 方 白 邹 孟 熊 秦 邱 江 尹 薛 闫 段 雷 侯 龙 龍 史 陶 黎 贺 顾 毛 郝 龚 邵 万 钱 錢 严 覃 武
        戴 莫 孔 向 汤 欧阳 歐陽 司马 司馬 诸葛 諸葛 上官 东方 東方 皇甫 令狐 慕容 夏侯 尉迟 公孙 长孙 宇文 司徒 南宫
        """
    )
    /// Korean family names in Hangul.
    static let koreanFamily: Set<String> = Lexicon.words(
        """
        김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 류 유 전 홍 고 문 양 손 배 백 허 남 심 노 하 곽 성 차 주 우 구 민 진
        나 지 엄 채 원 천 방 공 현 함 변 염 여 추 도 소 석 선 설 마 길 연 위 표 명 기 반 왕 금 옥 육 인 맹 제 모 탁 국 어 은 편 용
        황보 남궁 제갈 선우 독고 사공 서문
        """
    )
    /// Words that make a CJK value an organisation or a place rather than a person.
    static let organisationMarkers: [String] = [
        "会社", "株式", "有限", "合同", "商事", "工業", "建設", "物産", "銀行", "病院", "大学", "学校", "協会", "組合", "事務所", "センター",
        "公司", "集团", "集團", "银行", "醫院", "医院", "大學", "学院", "商店", "电子", "科技", "有限", "주식회사", "회사", "전자", "자동차",
        "화학", "은행", "병원", "대학교", "그룹", "상사",
    ]
    /// Place words and suffixes: prefectures, provinces, cities and wards.
    static let placeSuffixes: [Character] = ["都", "道", "府", "県", "省", "市", "区", "區", "県", "町", "村", "郡", "州"]
    static let places: Set<String> = Lexicon.words(
        """
        東京 大阪 京都 名古屋 横浜 札幌 福岡 神戸 北京 上海 深圳 杭州 成都 广州 廣州 南京 武汉 天津 重庆 香港 台北 서울 부산 대구
        인천 광주 대전 울산 세종 경기 강원 제주
        """
    )
}
