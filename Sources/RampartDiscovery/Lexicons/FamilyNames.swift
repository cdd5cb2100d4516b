/// Common family names across languages, lower-case ASCII with diacritics folded; multi-word
/// names (`van der berg`) are matched word by word, their particles via ``Lexicon/particles``.
/// A general reference list (census and registry frequency tables), not tied to any data set,
/// together with the per-language lists of ``LanguageNames``.
enum FamilyNames {
    static let all: Set<String> = Lexicon.words(
        """
        smith johnson williams brown jones garcia miller davis rodriguez martinez hernandez lopez gonzalez wilson
        anderson thomas taylor moore jackson martin lee perez thompson white harris sanchez clark ramirez lewis
        robinson walker young allen king wright scott torres nguyen hill flores green adams nelson baker hall
        rivera campbell mitchell carter roberts gomez phillips evans turner diaz parker cruz edwards collins reyes
        stewart morris morales murphy cook rogers gutierrez ortiz morgan cooper peterson bailey reed kelly howard
        ramos kim cox ward richardson watson brooks chavez wood james bennett gray mendoza ruiz hughes price
        alvarez castillo sanders patel myers long ross foster jimenez powell jenkins perry russell sullivan bell
        coleman butler henderson barnes gonzales fisher vasquez simmons romero jordan patterson alexander hamilton
        graham reynolds griffin wallace moreno west cole hayes bryant herrera gibson ellis tran medina aguilar
        stevens murray ford castro marshall owens harrison fernandez mcdonald woods washington kennedy wells
        vargas henry chen freeman webb tucker guzman burns crawford olson simpson porter hunter gordon mendez
        silva shaw snyder mason dixon munoz hunt hicks holmes palmer wagner black robertson boyd rose stone
        salazar fox warren mills meyer rice schmidt garza daniels ferguson nichols stephens soto weaver ryan
        gardner payne grant dunn kelley spencer hawkins arnold pierce vazquez hansen peters santos hart bradley
        knight elliott cunningham duncan armstrong hudson carroll lane riley andrews alvarado ray delgado berry
        perkins hoffman johnston matthews pena richards contreras willis carpenter lawrence sandoval guerrero
        george chapman rios estrada ortega watkins greene nunez wheeler valdez harper burke larson santiago
        maldonado morrison franklin carlson austin dominguez carr lawson jacobs obrien o'brien lynch singh
        vega bishop montgomery oliver jensen harvey williamson gilbert dean sims espinoza howell li wong reid
        hanson le mccoy garrett burton fuller wang weber welch rojas lucas marquez fields park yang little
        banks padilla day walsh bowman schultz luna fowler mejia davidson acosta brewer may holland juarez
        newman pearson curtis cortez douglas schneider joseph barrett navarro figueroa keller avila wade molina
        stanley hopkins campos barnett bates chambers caldwell beck lambert miranda byrd craig ayala lowe frazier
        powers neal leonard gregory carrillo sutton fleming rhodes shelton schwartz norris jennings watts duran
        walters cohen mcdaniel moran parks steele vaughn becker holt deleon barker terry hale leon hail benson
        haynes horton miles lyons pham graves bush thornton wolfe warner cabrera mckinney mann zimmerman dawson
        lara fletcher page mccarthy love robles cervantes solis erickson reeves chang klein salinas fuentes
        baldwin daniel simon velasquez hardy higgins aguirre lin cummings chandler sharp barber bowen ochoa
        dennis robbins liu ramsey francis griffith paul blair oconnor o'connor cardenas pacheco cross calderon
        quinn moss swanson chan rivas khan rodgers serrano fitzgerald rosales stevenson christensen manning
        gill curry mclaughlin harmon mcgee gross doyle garner newton burgess reese walton blake trujillo adkins
        brady goodman roman webster goodwin fischer huang potter delacruz montoya todd wu hines mullins castaneda
        malone cannon tate mack sherman hubbard hodges zhang guerra wolf valencia saunders franco rowe gallagher
        farmer hammond hampton townsend ingram wise gallegos clarke barton schroeder maxwell waters logan
        camacho strickland norman person colon parsons frank harrington glover osborne buchanan casey floyd
        patton ibarra ball tyler suarez bowers orozco salas cobb gibbs andrade bauer conner moody escobar
        mcguire lloyd mueller hartman french kramer mcbride pope lindsey velazquez norton mccormick sparks
        flynn yates hogan marsh macias villanueva zamora pratt stokes owen ballard lang brock villarreal charles
        drake barrera cain patrick pineda burnett mercado santana shepherd bautista ali shaffer lamb trevino
        mckenzie hess beil olsen cochran morton nash wilkins petersen briggs shah roth nicholson holloway
        lozano flowers rangel hoover arias short mora valenzuela bryan meyers weiss underwood bass greer
        summers houston carson morrow clayton whitaker decker yoder collier zuniga carey wilcox melendez poole
        roberson larsen conley davenport copeland massey lam huff rocha cameron jefferson hood monroe anthony
        pittman huynh randall singleton kirk combs mathis christian skinner bradford richard galvan wall boone
        kirby wilkinson bridges bruce atkinson velez meza roy vincent york hodge villa abbott allison tapia
        gates chase sosa sweeney farrell wyatt dalton horn barron phelps yu dickerson heath foley atkins
        mathews bonilla acevedo benitez zavala hensley glenn cisneros harrell shields rubio choi huffman boyer
        garrison arroyo bond kane hancock callahan dillon cline wiggins grimes arellano melton oneill savage ho
        beltran pitts parrish ponce rich booth koch golden ware brennan mcdowell marks cantu humphrey baxter
        sawyer clay tanner hutchinson kaur berg wiley gilmore russo villegas hobbs keith wilkerson ahmed beard
        mcclain montes mata rosario vang walter henson oneal mosley mcclure beasley stephenson snow huerta
        preston vance barry johns eaton blackwell dyer prince macdonald solomon guevara stafford english hurst
        woodard cortes shannon kemp nolan mccullough merritt murillo moon salgado strong kline cordova barajas
        roach rosas winters jacobson lester knox bullock kerr leach meadows orr davila whitehead pruitt kent
        conway mckee barr david dejesus marin berger mcintyre blankenship gaines palacios cuevas bartlett durham
        dorsey mccall odonnell stein browning stout lowery sloan mclean hendricks calhoun sexton chung gentry
        hull duarte ellison nielsen gillespie buck middleton sellers leblanc esparza hardin bradshaw mcintosh
        howe livingston frost glass morse knapp herman stark bravo noble spears weeks corona frederick buckley
        mcfarland hebert enriquez hickman quintero randolph schaefer walls trejo house reilly pennington
        michael conrad giles benjamin crosby fitzpatrick donovan mays mahoney valentine raymond medrano hahn
        mcmillan small bentley felix peck lucero boyle hanna pace rush hurley harding mcconnell bernal nava
        ayers everett ventura avery pugh mayer bender shepard mcmahon landry case sampson moses magana blackburn
        dunlap gould duffy vaughan herring mckay espinosa rivers farley bernard ashley friedman potts truong
        costa correa blevins nixon clements fry delarosa best benton lugo portillo dougherty crane haley phan
        villalobos blanchard horne finley quintana lynn esquivel bean dodson mullen xiong hayden cano levy
        huber richmond moyer lim frye sheppard mccarty avalos booker waller parra woodward jaramillo krueger
        rasmussen brandt peralta donaldson stuart faulkner maynard galindo coffey estes sanford burch maddox vo
        oconnell vu andersen spence mcpherson church schmitt stanton leal cherry compton dudley sierra pollard
        alfaro hester proctor lu hinton novak good madden mccann terrell jarvis dickson reyna cantrell mayo
        branch hendrix rollins rowland whitney duke odom daugherty travis tang
        muller mueller schneider fischer weber meyer wagner becker schulz hoffmann koch richter klein wolf
        schroder schroeder neumann schwarz zimmermann braun kruger hofmann hartmann lange schmitt werner krause
        meier lehmann schmid schulze maier kohler herrmann konig walter mayer huber kaiser fuchs peters lang
        scholz moller weiss jung hahn schubert vogel friedrich keller gunther frank berger winkler roth beck
        lorenz baumann franke albrecht schuster simon ludwig bohm winter kraus martin schumacher kramer vogt
        stein jager otto sommer gross seidel heinrich brandt haas schreiber graf schulte dietrich ziegler kuhn
        kuhl pohl engel horn busch bergmann thomas voigt sauer arnold wolff pfeiffer
        bernard dubois robert petit durand leroy moreau laurent lefebvre michel garcia david bertrand roux
        vincent fournier morel girard andre mercier dupont lambert bonnet francois martinez legrand garnier
        faure rousseau blanc guerin muller henry roussel nicolas perrin morin mathieu clement gauthier dumont
        lopez fontaine chevalier robin masson sanchez gerard nguyen boyer denis lemaire duval joly gautier
        roger roche roy noel meyer lucas meunier jean perez marchand dufour blanchard marie barbier brun
        dumas brunet schmitt leroux colin fernandez pierre renard arnaud rolland caron aubert giraud leclerc
        vidal bourgeois renaud lemoine picard gaillard philippe leclercq lacroix fabre dupuis olivier rodriguez
        rossi russo ferrari esposito bianchi romano colombo ricci marino greco bruno gallo conti de luca
        mancini costa giordano rizzo lombardi moretti barbieri fontana santoro mariani rinaldi caruso ferrara
        galli martini leone longo gentile martinelli vitale lombardo serra coppola de santis d'angelo marchetti
        parisi villa conte ferraro ferri fabbri bianco marini grasso valentini messina sala de angelis gatti
        pellegrini palumbo sanna farina rizzi monti cattaneo morelli amato silvestri mazza testa grassi
        pellegrino carbone giuliani benedetti barone rossetti caputo montanari guerra palmieri bernardi martino
        fiore de rosa ferretti bellini basile riva donati piras vitali battaglia sartori neri costantini milani
        gonzalez rodriguez fernandez lopez martinez sanchez perez gomez martin jimenez ruiz hernandez diaz moreno
        munoz alvarez romero alonso gutierrez navarro torres dominguez vazquez ramos gil ramirez serrano blanco
        molina morales suarez ortega delgado castro ortiz rubio marin sanz nunez iglesias medina garrido cortes
        castillo santos lozano guerrero cano prieto mendez cruz calvo gallego herrera marquez leon vidal pena
        flores cabrera campos vega fuentes carrasco diez reyes caballero nieto aguilar pascual santana herrero
        montero lorenzo hidalgo gimenez ibanez ferrer duran santiago benitez vargas mora vicente arias carmona
        crespo roman pastor soto saez velasco moya soler parra esteban bravo gallardo rojas
        silva santos oliveira souza sousa rodrigues ferreira alves pereira lima gomes costa ribeiro martins
        carvalho almeida lopes soares fernandes vieira barbosa rocha dias nascimento andrade moreira nunes
        marques machado mendes freitas cardoso ramos goncalves santana teixeira araujo pinto correia
        de jong jansen de vries van den berg van dijk bakker janssen visser smit meijer de boer mulder de groot
        bos vos peters hendriks van leeuwen dekker brouwer de wit dijkstra smits de graaf van der meer
        van der linden kok jacobs de haan vermeulen van den heuvel van der veen van den broek de bruijn de bruin
        van der heijden schouten van beek willems van vliet van de ven hoekstra maas verhoeven koster
        van dam van der wal prins blom huisman peeters maes claes goossens wouters
        johansson andersson karlsson nilsson eriksson larsson olsson persson svensson gustafsson pettersson
        jonsson jansson hansson bengtsson jonsson lindberg jakobsson magnusson lindstrom lindqvist lindgren
        berg axelsson hansen johansen olsen larsen andersen pedersen nilsen kristiansen jensen karlsen
        johnsen pettersen eriksen berg haugen hagen johannessen nielsen christensen rasmussen jorgensen
        madsen kristensen virtanen korhonen nieminen makinen hamalainen laine heikkinen koskinen jarvinen
        lehtonen lehtinen saarinen salminen heinonen niemi heikkila kinnunen salonen turunen
        nowak kowalski wisniewski wojcik kowalczyk kaminski lewandowski zielinski szymanski wozniak dabrowski
        kozlowski jankowski mazur wojciechowski kwiatkowski krawczyk kaczmarek piotrowski grabowski zajac
        pawlowski michalski krol wieczorek jablonski wrobel nowakowski majewski olszewski stepien malinowski
        ivanov smirnov kuznetsov popov vasiliev petrov sokolov mikhailov novikov fedorov morozov volkov
        alekseev lebedev semenov egorov pavlov kozlov stepanov nikolaev orlov andreev makarov nikitin
        zakharov zaitsev soloviev borisov yakovlev grigoriev romanov vorobiev sergeev kuzmin frolov
        alexandrov dmitriev korolev gusev kiselev ilyin maksimov polyakov sorokin vinogradov kovalev
        belov medvedev antonov tarasov zhukov baranov filippov komarov davydov belyaev gerasimov bogdanov
        osipov sidorov matveev titov markov mironov krylov kulikov karpov vlasov melnikov denisov gavrilov
        tikhonov kazakov afanasiev danilov savelyev timofeev fomin chernov abramov martynov efimov fedotov
        shcherbakov nazarov kalinin isaev chernyshev bykov maslov rodionov konovalov lazarev voronin klimov
        filatov ponomarev golubev kudryavtsev prokhorov naumov potapov zhuravlev ovchinnikov trofimov leonov
        sobolev ermakov kolesnikov goncharov emelyanov nikiforov grachev kotov grishin efremov arkhipov
        gromov kirillov malyshev panov moiseev rumyantsev akimov kondratiev biryukov gorbunov anisimov
        eremin tikhomirov galkin lukyanov mikheev skvortsov yudin belousov nesterov simonov prokofiev
        kharitonov knyazev tsvetkov levin mitrofanov voronov aksenov sofronov maltsev loginov gorshkov
        savin krasnov mayorov demidov eliseev rybakov safonov plotnikov demin khokhlov fadeev molchanov
        ignatov litvinov ershov ushakov dementiev ryabov mukhin kalashnikov leontiev lobanov kuzin
        korneev evdokimov borodin platonov nekrasov balashov bobrov zhdanov blinov ignatiev korotkov
        muravyov kryukov belyakov bogomolov drozdov lavrov zuev petukhov larin nikulin serov terentiev
        zotov ustinov fokin samoilov konstantinov sakharov shishkin samsonov cherkasov chistyakov nosov
        spiridonov karasev avdeev vorontsov zverev vladimirov seleznev nechaev kudryashov sedov firsov
        andrianov panin golovin terekhov ulyanov shestakov ageev nikonov selivanov bazhenov gordeev kozhevnikov
        pakhomov zimin kostin shirokov filimonov larionov ovsyannikov sazonov suvorov nefedov kornilov
        lyubimov lvov gorbachev kopylov lukin tokarev kuleshov shilov bolshakov pankratov rodin shapovalov
        pokrovsky bocharov nikolsky markin gorelov agafonov berezin ermolaev zubkov kupriyanov trifonov
        maslennikov kruglov tretyakov kolosov rozhkov artamonov shmelev laptev lapshin fedoseev zinoviev
        zorin utkin stolyarov zubov tkachev dorofeev antipov zavyalov sviridov zolotarev kulakov meshcheryakov
        makeev dyakov guryev ilyushin chernyaev kovalenko shevchenko bondarenko tkachenko kravchenko
        wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin gao luo zheng liang xie
        song tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu ding
        ren shen yao jin fu zhong lu dai cui qiu qin jiang fan shi tan liao zou xiong jin lu hao kong bai
        cui kang mao qiu qin jiang shi gu hou shao meng long wan duan lei qian tang yin yi chang wu qiao
        lai gong wen pang fan lan yan xing
        patel sharma singh kumar gupta reddy iyer nair rao mehta desai joshi chatterjee banerjee agarwal kapoor
        malhotra pillai verma bose das jain shah yadav mishra pandey chauhan thakur saxena srivastava tiwari
        dubey chaudhary naidu menon kulkarni deshpande patil pawar jadhav shinde gandhi sinha mukherjee
        ghosh dutta sen roy chakraborty bhattacharya iyengar krishnan subramanian venkatesh raman
        natarajan murthy hegde shetty kamath bhat prasad khanna arora bajaj chopra sethi bhatia ahuja
        al-sayed haddad khalil nasser mansour saleh hamdan aziz farouk rahman hussein abdullah karimi hosseini
        ahmadi mohammadi rezaei hashemi moradi kazemi jafari ali hassan ibrahim mahmoud mustafa youssef
        abdel khoury nassar haddad azar bakr suleiman othman amin rashid qasim hamid salem sayed
        sato suzuki takahashi tanaka watanabe ito yamamoto nakamura kobayashi kato yoshida yamada sasaki
        yamaguchi matsumoto inoue kimura hayashi shimizu yamazaki mori abe ikeda hashimoto yamashita ishikawa
        nakajima maeda fujita ogawa goto okada hasegawa murakami kondo ishii saito sakamoto endo aoki fujii
        nishimura fukuda ota miura fujiwara okamoto matsuda nakagawa nakano harada ono tamura takeuchi kaneko
        kim lee park choi jung kang cho yoon jang lim han oh seo shin kwon hwang ahn song jeon hong yoo ko
        moon yang son bae baek heo nam noh ha kwak sung cha joo woo min ryu na jin ji eom chae won cheon
        okafor adeyemi mensah okonkwo nwosu mwangi otieno boateng owusu dlamini nkosi abubakar eze bello
        okeke obi okoro adewale adeleke ogunleye olawale okafor onyeka chukwu nwachukwu afolabi balogun
        oyelaran asante appiah osei agyeman ndlovu mokoena khumalo zulu moyo banda phiri kamau njoroge
        ochieng wanjiku kiplagat hakimi diallo traore coulibaly keita toure kone sow ba ndiaye diop fall
        nguyen tran le pham hoang phan vu dang bui do ho ngo duong ly dinh truong lam mai cao
        murphy kelly sullivan walsh smith obrien byrne ryan oconnor oneill reilly doyle mccarthy gallagher
        doherty kennedy lynch murray quinn moore mclaughlin carroll connolly daly connell wilson dunne brennan
        burke collins campbell clarke johnston hughes farrell fitzgerald brown martin maguire nolan flynn
        thompson callaghan boyle healy shea white sweeney hayes kavanagh power mcgrath moran brady stewart
        casey foley fitzpatrick leary mcdonnell mcmahon donnelly regan donovan burns flanagan mullan barry
        kane robinson cunningham griffin kenny sheehan ward whelan lyons reid graham higgins cullen keane
        king maher mckenna bell scott hogan keeffe magee mcnamara mcdonald hurley
        """
    ).union(LanguageNames.all.lazy.flatMap { Lexicon.words($0.family) })

    /// Endings that mark a family name in languages whose surnames are built from them, and that
    /// ordinary words rarely have: Polish `-ski`/`-cka`, Russian `-ova`, Ukrainian `-enko`,
    /// Serbian and Croatian `-ović`, Romanian `-escu`, Greek `-opoulos`, Armenian `-yan`, Georgian
    /// `-shvili`, Icelandic and Swedish `-sson`, Turkish `-oğlu`.
    static let surnameEndings: [String] = [
        "ski", "ska", "cki", "cka", "dzki", "owicz", "ewicz", "ova", "eva", "ovich", "evich", "enko", "chuk", "yuk", "ovic", "evic",
        "escu", "eanu", "opoulos", "opoulou", "idis", "akis", "yan", "shvili", "dze", "sson", "dottir", "oglu",
    ]

    /// Whether `key` (folded, as the lists are) ends like a family name and is long enough for
    /// the ending not to be the whole word.
    static func hasSurnameEnding(_ key: String) -> Bool {
        let bytes = key.utf8
        guard bytes.count >= 6 else { return false }
        return surnameEndingBytes.contains { ending in bytes.reversed().starts(with: ending) }
    }

    /// ``surnameEndings`` as reversed UTF-8, compared byte by byte from the end.
    private static let surnameEndingBytes: [[UInt8]] = surnameEndings.map { Array($0.utf8.reversed()) }
}
