/// Names, places and streets of the corpus's locales, written by hand from common usage (not
/// taken from the classifiers' lexicons; many are deliberately less common names).
enum EvalLocaleData {
    static let germanGiven = [
        "Lukas", "Jonas", "Leon", "Finn", "Elias", "Maximilian", "Felix", "Jürgen", "Dieter", "Uwe", "Torsten", "Sönke", "Wolfgang",
        "Anna", "Lena", "Leonie", "Hannah", "Johanna", "Sabine", "Ursula", "Gudrun", "Heike", "Birgit", "Annegret", "Friederike",
        "Malte", "Jannik", "Kerstin", "Dörte", "Hartmut", "Ilse",
    ]
    static let germanFamily = [
        "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Koch", "Bauer",
        "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann",
        "Lange", "Schmitt", "Werner", "Krause", "Meier", "Lehmann", "Schmid", "Köhler", "Brandt", "Haas", "Vogt", "Ostermann",
        "Dietrich", "Kühn", "Pohl", "Engel", "Horn", "Busch", "Bergmann", "Thiele", "Winkler", "Lorenz",
    ]
    static let germanStreets = [
        "Hauptstraße", "Bahnhofstraße", "Gartenweg", "Schillerstraße", "Lindenallee", "Am Markt", "Kirchgasse", "Goethestraße",
        "Berliner Straße", "Waldweg", "Marktplatz", "Friedrich-Ebert-Straße", "Rosenstr.", "Am Mühlbach",
    ]
    static let germanCities = ["Berlin", "Hamburg", "München", "Köln", "Frankfurt am Main", "Stuttgart", "Leipzig", "Bremen", "Kiel", "Rostock"]

    static let frenchGiven = [
        "Jean", "Pierre", "Michel", "Philippe", "Nicolas", "Julien", "Mathieu", "Théo", "Hugo", "Gabriel", "Arthur", "Baptiste",
        "Marie", "Camille", "Chloé", "Léa", "Manon", "Inès", "Élodie", "Sylvie", "Nathalie", "Isabelle", "Brigitte", "Margaux",
    ]
    static let frenchFamily = [
        "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent",
        "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard", "Andre", "Lefèvre",
        "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Legrand", "Garnier", "Faure", "Rousseau", "Blanc",
    ]
    static let frenchStreets = [
        "rue de la Paix", "avenue des Champs-Élysées", "boulevard Haussmann", "rue Victor Hugo", "place de la République",
        "chemin des Vignes", "allée des Tilleuls", "rue du Faubourg Saint-Honoré", "impasse des Lilas", "quai de la Tournelle",
    ]
    static let frenchCities = [
        ("75002", "Paris"), ("69003", "Lyon"), ("13001", "Marseille"), ("31000", "Toulouse"), ("33000", "Bordeaux"), ("59000", "Lille"),
    ]
    static let frenchCompanies = [
        "Boulangerie Martin SARL", "Transports Dubois SAS", "Cabinet Lefebvre & Associés", "Garage Moreau", "Société Générale de Services",
        "Atelier Roux SA", "Pharmacie du Centre", "Laurent Conseil SAS", "Menuiserie Petit", "Les Jardins de Provence",
    ]

    static let spanishGiven = [
        "Antonio", "Manuel", "José", "Francisco", "David", "Javier", "Daniel", "Carlos", "Jesús", "Alejandro", "Iker", "Unai",
        "María", "Carmen", "Lucía", "Josefa", "Laura", "Cristina", "Marta", "Nuria", "Montserrat", "Ainhoa", "Itziar", "Rocío",
    ]
    static let spanishFamily = [
        "García", "Rodríguez", "González", "Fernández", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Martín", "Jiménez",
        "Ruiz", "Hernández", "Díaz", "Moreno", "Muñoz", "Álvarez", "Romero", "Alonso", "Gutiérrez", "Navarro", "Torres",
        "Domínguez", "Vázquez", "Ramos", "Gil", "Serrano", "Blanco", "Molina", "Ortega", "Etxeberria", "Urquijo",
    ]
    static let spanishStreets = [
        "Calle Mayor", "Avenida de la Constitución", "Calle de Alcalá", "Paseo de Gracia", "Plaza de España", "Calle del Sol",
        "Avda. de América", "Calle Real", "Ronda de Segovia", "Camino de Ronda",
    ]
    static let spanishCities = [("28013", "Madrid"), ("08007", "Barcelona"), ("46002", "Valencia"), ("41001", "Sevilla"), ("48001", "Bilbao")]

    static let italianGiven = [
        "Giuseppe", "Giovanni", "Antonio", "Mario", "Luigi", "Francesco", "Alessandro", "Lorenzo", "Matteo", "Gianluca", "Salvatore",
        "Maria", "Anna", "Giulia", "Francesca", "Chiara", "Sofia", "Rosa", "Giuseppina", "Alessia", "Federica", "Ilaria", "Beatrice",
    ]
    static let italianFamily = [
        "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno", "Gallo",
        "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Rizzo", "Lombardi", "Moretti", "Barbieri", "Fontana", "Santoro",
        "Mariani", "Rinaldi", "Caruso", "Ferrara", "Galli", "Martini", "Leone", "Longo", "Gentile", "Martinelli", "Vitale",
        "Lombardo", "Serra", "Coppola", "De Santis", "D'Angelo", "Marchetti",
    ]
    static let italianStreets = [
        "Via Roma", "Via Garibaldi", "Corso Vittorio Emanuele II", "Piazza del Duomo", "Via dei Mille", "Viale Europa",
        "Via Giuseppe Verdi", "Largo Augusto", "Via Nazionale", "Vicolo Stretto",
    ]
    static let italianCities = [("20121", "Milano"), ("00184", "Roma"), ("80133", "Napoli"), ("10121", "Torino"), ("50122", "Firenze")]

    static let portugueseGiven = [
        "João", "Pedro", "Lucas", "Gabriel", "Matheus", "Rafael", "Gustavo", "Felipe", "Thiago", "Bruno", "Leandro", "Rodrigo",
        "Ana", "Maria", "Juliana", "Fernanda", "Camila", "Larissa", "Beatriz", "Letícia", "Patrícia", "Aline", "Vanessa", "Luana",
    ]
    static let portugueseFamily = [
        "Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves", "Pereira", "Lima", "Gomes", "Costa", "Ribeiro",
        "Martins", "Carvalho", "Almeida", "Lopes", "Soares", "Fernandes", "Vieira", "Barbosa", "Rocha", "Dias", "Nascimento",
        "Andrade", "Moreira", "Nunes", "Marques", "Machado", "Mendes", "Freitas", "Cardoso", "Teixeira",
    ]
    static let portugueseStreets = [
        "Rua das Flores", "Avenida Paulista", "Rua Augusta", "Avenida Brasil", "Rua XV de Novembro", "Travessa do Comércio",
        "Rua Sete de Setembro", "Alameda Santos", "Estrada do Galeão", "Praça da Sé",
    ]
    static let brazilianCities = [
        ("01310-100", "São Paulo", "SP"), ("20040-002", "Rio de Janeiro", "RJ"), ("30130-010", "Belo Horizonte", "MG"),
        ("80010-000", "Curitiba", "PR"),
    ]

    static let dutchGiven = [
        "Daan", "Sem", "Lucas", "Bram", "Jeroen", "Sander", "Maarten", "Pieter", "Willem", "Joost", "Ruud", "Gert-Jan",
        "Emma", "Julia", "Sanne", "Anouk", "Femke", "Lotte", "Marieke", "Ilse", "Annelies", "Wilhelmina", "Fenna", "Noor",
    ]
    static let dutchFamily = [
        "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit", "Meijer", "de Boer",
        "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra",
        "Smits", "de Graaf", "van der Meer", "Kok", "Jacobs", "de Haan", "Vermeulen", "van der Linden", "Verhoeven", "Hoekstra",
    ]
    static let dutchStreets = [
        "Keizersgracht", "Kerkstraat", "Dorpsstraat", "Stationsweg", "Molenlaan", "Prinsengracht", "Nieuwe Binnenweg", "Oude Gracht", "Marktplein",
    ]
    static let dutchCities = [("1016 ED", "Amsterdam"), ("3011 AB", "Rotterdam"), ("3511 LX", "Utrecht"), ("9711 LM", "Groningen")]

    static let britishGiven = [
        "Oliver", "George", "Harry", "Jack", "Alfie", "Callum", "Rhys", "Hamish", "Angus", "Declan", "Nigel", "Graham", "Alistair",
        "Olivia", "Amelia", "Isla", "Ava", "Poppy", "Siobhan", "Eilidh", "Niamh", "Gemma", "Kirsty", "Bethan", "Imogen",
    ]
    static let britishFamily = [
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright", "Thompson", "Evans",
        "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke", "Patel", "Khan", "Lewis", "Hughes",
        "MacDonald", "Campbell", "O'Neill", "Fletcher", "Pritchard", "Ashworth", "Whitaker", "Greenwood", "Llewellyn",
    ]
    static let britishStreets = [
        "High Street", "Station Road", "Church Lane", "Victoria Road", "Baker Street", "Mill Lane", "Park Avenue", "The Crescent", "Queens Road",
        "Manor Close",
    ]
    static let britishTowns = [
        ("London", "NW1 6XE"), ("Manchester", "M1 1AE"), ("Leeds", "LS1 4DY"), ("Bristol", "BS1 5TR"), ("Glasgow", "G2 1DY"), ("Cardiff", "CF10 1EP"),
    ]

    static let indianGiven = [
        "Aarav", "Vivaan", "Aditya", "Arjun", "Rohan", "Rahul", "Sanjay", "Vikram", "Suresh", "Ramesh", "Venkatesh", "Harpreet",
        "Priya", "Ananya", "Diya", "Kavya", "Lakshmi", "Sunita", "Pooja", "Neha", "Deepika", "Meenakshi", "Gurpreet", "Shalini",
    ]
    static let indianFamily = [
        "Sharma", "Verma", "Gupta", "Patel", "Singh", "Kumar", "Reddy", "Iyer", "Nair", "Menon", "Rao", "Joshi", "Mehta",
        "Chatterjee", "Banerjee", "Mukherjee", "Das", "Bose", "Agarwal", "Malhotra", "Kapoor", "Pillai", "Naidu", "Choudhury",
        "Desai", "Kulkarni", "Bhat", "Srinivasan", "Subramanian", "Krishnan",
    ]
    static let indianAddresses = [
        "Flat 12, Sunrise Apartments, MG Road", "24 Nehru Street, T. Nagar", "House No. 56, Sector 15", "3rd Cross, 8th Main Road",
        "Plot 7, Jubilee Hills Road No. 36", "101 Marine Drive",
    ]
    static let indianCities = [("Bengaluru", "560001"), ("Chennai", "600017"), ("Mumbai", "400020"), ("Hyderabad", "500033"), ("Gurugram", "122001")]

    static let americanGiven = [
        "James", "Mary", "Robert", "Patricia", "Jennifer", "Michael", "Linda", "Tyrone", "Shanice", "DeShawn", "Brooklyn", "Kaden", "Madison",
        "Hunter",
    ]
    static let americanFamily = [
        "Johnson", "Miller", "Davis", "Rodriguez", "Martinez", "Anderson", "Thompson", "Nguyen", "Washington", "Kowalski", "O'Connor", "Yamamoto",
        "Okafor",
    ]
    static let americanStreets = ["Main St", "Oak Avenue", "Maple Dr", "Elm Street", "Sunset Blvd", "Lake Shore Drive", "Pine Ln", "Washington Ave"]
    static let americanCities = [("Springfield", "IL", "62701"), ("Austin", "TX", "78701"), ("Portland", "OR", "97205"), ("Columbus", "OH", "43215")]

    /// Japanese family and given names in kanji with their katakana readings.
    static let japaneseFamily = [
        ("佐藤", "サトウ"), ("鈴木", "スズキ"), ("高橋", "タカハシ"), ("田中", "タナカ"), ("伊藤", "イトウ"), ("渡辺", "ワタナベ"),
        ("山本", "ヤマモト"), ("中村", "ナカムラ"), ("小林", "コバヤシ"), ("加藤", "カトウ"), ("吉田", "ヨシダ"), ("山田", "ヤマダ"),
        ("佐々木", "ササキ"), ("山口", "ヤマグチ"), ("松本", "マツモト"), ("井上", "イノウエ"), ("木村", "キムラ"), ("林", "ハヤシ"),
        ("斎藤", "サイトウ"), ("清水", "シミズ"), ("森", "モリ"), ("池田", "イケダ"), ("橋本", "ハシモト"), ("石川", "イシカワ"),
    ]
    static let japaneseGiven = [
        ("太郎", "タロウ"), ("翔太", "ショウタ"), ("大輔", "ダイスケ"), ("健太", "ケンタ"), ("陽菜", "ヒナ"), ("結衣", "ユイ"),
        ("美咲", "ミサキ"), ("さくら", "サクラ"), ("葵", "アオイ"), ("蓮", "レン"), ("悠真", "ユウマ"), ("花子", "ハナコ"),
        ("裕子", "ユウコ"), ("直樹", "ナオキ"), ("拓也", "タクヤ"), ("恵", "メグミ"), ("誠", "マコト"), ("愛", "アイ"),
    ]
    static let japaneseRomaji = [
        ("sato", "taro"), ("suzuki", "yui"), ("tanaka", "kenta"), ("yamada", "hanako"), ("kato", "naoki"), ("ito", "misaki"),
    ]
    static let japanesePlaces = [
        ("100-0001", "東京都千代田区千代田"), ("150-0002", "東京都渋谷区渋谷"), ("530-0001", "大阪府大阪市北区梅田"),
        ("460-0008", "愛知県名古屋市中区栄"), ("060-0001", "北海道札幌市中央区北一条西"), ("812-0011", "福岡県福岡市博多区博多駅前"),
        ("604-8005", "京都府京都市中京区恵比須町"), ("231-0023", "神奈川県横浜市中区山下町"),
    ]
    static let japaneseCompanies = ["株式会社山田商事", "有限会社佐藤工業", "株式会社ミライテック", "鈴木建設株式会社", "合同会社アオバ", "東都物産株式会社"]

    static let chineseFamily = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗", "欧阳", "诸葛"]
    static let chineseGiven = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "子涵", "浩然"]
    static let chineseAddresses = [
        "北京市朝阳区建国路88号", "上海市浦东新区世纪大道100号", "广东省深圳市南山区科技园路18号", "浙江省杭州市西湖区文三路259号",
        "四川省成都市武侯区人民南路四段12号", "江苏省南京市鼓楼区中山路321号", "湖北省武汉市江汉区解放大道688号", "天津市和平区南京路189号",
    ]
    static let koreanFamily = ["김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권", "황", "남궁"]
    static let koreanGiven = ["민준", "서연", "지훈", "하은", "도윤", "서준", "지우", "수빈", "예준", "지민", "현우", "유진", "영희", "철수"]
    static let koreanAddresses = [
        "서울특별시 강남구 테헤란로 152", "경기도 성남시 분당구 판교역로 235", "부산광역시 해운대구 해운대해변로 264", "서울특별시 종로구 세종대로 175",
        "대구광역시 중구 동성로2길 80", "인천광역시 연수구 컨벤시아대로 165", "서울특별시 마포구 월드컵북로 396",
    ]
}
