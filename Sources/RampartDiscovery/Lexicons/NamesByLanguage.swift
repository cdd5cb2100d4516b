/// Given and family names per language, written for this project from general knowledge of each
/// country's most frequent names (published popularity rankings and surname frequencies); they
/// are not copied from any data set. Latin-script entries are folded like every lexicon word
/// (`Müller` → `muller`); names in Cyrillic, Greek, Arabic, Hebrew and Devanagari are listed in
/// their own script too. ``GivenNames`` and ``FamilyNames`` include every list here; Chinese,
/// Japanese and Korean in their own scripts are in ``EastAsianNames``.
struct LanguageNames: Sendable {
    /// The language (and where it matters, the country).
    let language: String
    /// Given names, space-separated.
    let given: String
    /// Family names, space-separated.
    let family: String

    static let all: [LanguageNames] = [
        LanguageNames(
            language: "German",
            given: """
                lukas jonas leon finn elias maximilian felix paul noah luis ben emil anton henry theo jakob matthias jurgen dieter uwe
                torsten sonke wolfgang horst manfred gerhard gunther rainer bernd ralf jorg kai malte jannik timo dirk frank detlef
                anna lena leonie hannah johanna sabine ursula gudrun heike birgit annegret friederike kerstin dorte ilse marlene
                frieda emilia mila lina ella luisa gisela renate brigitte ingrid elke silke anke katrin nadine yvonne
                """,
            family: """
                ostermann kuhn pohl engel horn busch bergmann thiele winkler lorenz schuster bohm franke albrecht ludwig jager vogel
                stein graf kraft lindner ebert seifert kolb haupt otto berger beck dietz kaufmann kessler hesse mertens schade
                """
        ),
        LanguageNames(
            language: "French",
            given: """
                jean pierre michel philippe nicolas julien mathieu theo hugo gabriel arthur baptiste raphael louis jules adam lucas
                mael sacha nathan enzo clement quentin benoit thierry pascal didier herve yves gilles marie camille chloe lea manon
                ines elodie sylvie nathalie isabelle brigitte margaux jade louise emma alice lina rose anna ambre agathe zoe
                aurelie sandrine veronique valerie christine martine francoise monique genevieve helene odile solene
                """,
            family: """
                lefevre mercier dupont lambert bonnet legrand garnier faure rousseau blanc guerin boucher lemaire duval gauthier
                fontaine chevalier masson leclerc marchand barbier brunet lemoine picard gaillard lacroix fabre dupuis
                """
        ),
        LanguageNames(
            language: "Spanish",
            given: """
                antonio manuel jose francisco david javier daniel carlos jesus alejandro iker unai hugo martin lucas mateo leo pablo
                alvaro adrian diego mario marcos sergio jorge gonzalo ignacio inigo xabier jordi pau marc maria carmen lucia josefa
                laura cristina marta nuria montserrat ainhoa itziar rocio paula sofia alba julia irene noa valeria emma daniela
                sara carla ana isabel pilar mercedes dolores concepcion encarnacion inmaculada amparo remedios begona
                """,
            family: """
                etxeberria urquijo garmendia aguirre echeverria goikoetxea zubizarreta larranaga arrieta olano puig ferrer vidal
                soler font roca serra pujol vila sala costa marti riera casas prat
                """
        ),
        LanguageNames(
            language: "Italian",
            given: """
                giuseppe giovanni antonio mario luigi francesco alessandro lorenzo matteo gianluca salvatore leonardo tommaso riccardo
                edoardo gabriele andrea marco luca emanuele pietro vincenzo carmine gennaro ciro rocco domenico massimo maurizio
                maria anna giulia francesca chiara sofia rosa giuseppina alessia federica ilaria beatrice aurora ginevra vittoria
                greta martina alice emma gaia noemi rita teresa lucia concetta carmela assunta antonella patrizia
                """,
            family: """
                esposito bianchi romano colombo ricci marino greco bruno gallo conti mancini costa giordano rizzo lombardi moretti
                barbieri fontana santoro mariani rinaldi caruso ferrara galli martini leone longo gentile martinelli vitale
                lombardo serra coppola marchetti parisi villa conte ferraro ferri fabbri bianco marini grasso valentini messina
                """
        ),
        LanguageNames(
            language: "Portuguese",
            given: """
                joao pedro lucas gabriel matheus rafael gustavo felipe thiago bruno leandro rodrigo miguel arthur heitor davi
                bernardo enzo lorenzo tiago diogo goncalo rui nuno vitor caio ana maria juliana fernanda camila larissa beatriz
                leticia patricia aline vanessa luana helena alice laura manuela valentina isabela mariana gabriela rafaela
                bianca raquel tatiana priscila debora adriana claudia simone luciana francisca conceicao
                """,
            family: """
                silva santos oliveira souza rodrigues ferreira alves pereira lima gomes ribeiro martins carvalho almeida lopes soares
                fernandes vieira barbosa rocha dias nascimento andrade moreira nunes marques machado mendes freitas cardoso
                teixeira araujo pinto correia cavalcanti bezerra monteiro moura campos batista
                """
        ),
        LanguageNames(
            language: "Dutch",
            given: """
                daan sem lucas bram jeroen sander maarten pieter willem joost ruud gert jan kees henk dirk bas thijs jesse sven
                niels koen wouter stijn ruben lars tim luuk milan levi finn emma julia sanne anouk femke lotte marieke ilse
                annelies wilhelmina fenna noor tess sophie zoe lieke fleur iris eva anna saskia ingrid marloes esther mirjam
                """,
            family: """
                jong jansen vries berg dijk bakker janssen visser smit meijer boer mulder groot bos vos peters hendriks leeuwen
                dekker brouwer wit dijkstra smits graaf meer linden kok jacobs haan vermeulen heuvel veen broek bruijn heijden
                schouten beek willems vliet ven hoekstra maas verhoeven koster dam wal prins blom huisman
                """
        ),
        LanguageNames(
            language: "English (UK and Ireland)",
            given: """
                oliver george harry jack alfie callum rhys hamish angus declan nigel graham alistair charlie archie freddie arthur
                jacob reggie teddy olivia amelia isla ava poppy siobhan eilidh niamh gemma kirsty bethan imogen florence ivy
                evie rosie maisie phoebe harriet gwen cerys megan carys lowri
                """,
            family: """
                fletcher pritchard ashworth whitaker greenwood llewellyn clarke davies hughes roberts evans thomas morgan griffiths
                owen jenkins price rees lloyd bowen powell parry
                """
        ),
        LanguageNames(
            language: "English (US)",
            given: """
                tyrone shanice deshawn brooklyn kaden madison hunter jaxon brayden kayden aiden jayden kinsley paisley skylar
                tanner colton hayden easton bentley everly harper addison aubrey
                """,
            family: "kowalski oconnor yamamoto okafor washington jefferson"
        ),
        LanguageNames(
            language: "Indian (Hindi, Tamil, Telugu, Bengali, Punjabi)",
            given: """
                aarav vivaan aditya arjun rohan rahul sanjay vikram suresh ramesh venkatesh harpreet gurpreet manpreet jaspreet
                priya ananya diya kavya lakshmi sunita pooja neha deepika meenakshi shalini kavitha lavanya revathi saranya
                karthik senthil murugan balaji srinivas prakash rajendra harish girish dinesh naveen pradeep sandeep kuldeep
                amitabh abhishek sourav subhash debashish arnab anirban indrani sudipta
                आरव अर्जुन राहुल प्रिया अनन्या पूजा नेहा राम सीता
                """,
            family: """
                sharma verma gupta patel singh kumar reddy iyer nair menon rao joshi mehta chatterjee banerjee mukherjee das bose
                agarwal malhotra kapoor pillai naidu choudhury desai kulkarni bhat srinivasan subramanian krishnan gill sandhu
                dhillon grewal sidhu बंसल शर्मा वर्मा गुप्ता सिंह कुमार पटेल
                """
        ),
        LanguageNames(
            language: "Swedish, Norwegian and Danish",
            given: """
                erik lars anders johan karl nils olof per sven mats magnus henrik jonas oskar william hugo liam elias noah alva
                astrid ebba elsa freja ingrid karin linnea maja saga signe sigrid solveig tove wilma ida frida mette kirsten
                birgitte lene pernille rasmus mads jesper soren morten kasper anders
                """,
            family: """
                johansson andersson karlsson nilsson eriksson larsson olsson persson svensson gustafsson pettersson lindberg
                hansen johansen olsen larsen andersen pedersen nilsen jensen nielsen christensen rasmussen jorgensen madsen
                """
        ),
        LanguageNames(
            language: "Finnish",
            given: "juha jari mikko timo antti matti kari pekka jukka ville eero aino helmi eveliina kaisa liisa tuula tiina",
            family: "virtanen korhonen nieminen makinen hamalainen laine heikkinen koskinen jarvinen lehtonen"
        ),
        LanguageNames(
            language: "Polish",
            given: """
                piotr krzysztof tomasz pawel michal lukasz jakub wojciech marcin grzegorz mateusz kacper szymon bartosz agnieszka
                katarzyna malgorzata joanna magdalena zofia ewa barbara dorota beata aleksandra natalia zuzanna wiktoria
                """,
            family: """
                nowak kowalski wisniewski wojcik kowalczyk kaminski lewandowski zielinski szymanski wozniak dabrowski kozlowski
                jankowski mazur kwiatkowski krawczyk kaczmarek piotrowski grabowski
                """
        ),
        LanguageNames(
            language: "Czech and Slovak",
            given: "jiri jan petr josef pavel martin tomas jaroslav milan lukas jana marie eva hana anna lenka katerina lucie vera",
            family: "novak svoboda novotny dvorak cerny prochazka kucera vesely horak nemec pokorny marek pospisil hajek jelinek"
        ),
        LanguageNames(
            language: "Hungarian",
            given: "laszlo istvan jozsef janos zoltan sandor gabor ferenc attila zsolt maria erzsebet katalin ilona eva aniko zsuzsanna",
            family: "nagy kovacs toth szabo horvath varga kiss molnar nemeth farkas balogh papp lakatos takacs juhasz meszaros"
        ),
        LanguageNames(
            language: "Romanian",
            given: "andrei alexandru ionut mihai constantin florin bogdan cristian gheorghe vasile elena ioana andreea mihaela cristina",
            family: "popescu popa pop radu dumitru stan stoica gheorghe matei ciobanu constantin ionescu rusu munteanu moldovan"
        ),
        LanguageNames(
            language: "Greek",
            given: """
                georgios giorgos dimitrios konstantinos ioannis nikolaos panagiotis vasileios christos athanasios maria eleni
                aikaterini vasiliki sofia angeliki georgia dimitra γιώργος δημήτρης κωνσταντίνος γιάννης νίκος μαρία ελένη
                κατερίνα σοφία
                """,
            family: """
                papadopoulos papadakis georgiou pappas oikonomou nikolaidis vlachos karagiannis dimitriou konstantinou
                παπαδόπουλος παπαδάκης γεωργίου παππάς οικονόμου
                """
        ),
        LanguageNames(
            language: "Turkish",
            given: "mehmet mustafa ahmet ali huseyin hasan ibrahim ismail yusuf murat emre burak fatma ayse emine hatice zeynep elif merve",
            family: "yilmaz kaya demir sahin celik yildiz yildirim ozturk aydin ozdemir arslan dogan kilic aslan cetin kara koc kurt"
        ),
        LanguageNames(
            language: "Russian and Ukrainian",
            given: """
                aleksandr sergei dmitri andrei alexei maksim ivan mikhail nikolai vladimir oleksandr oleksii taras bohdan mykola
                olena oksana natalia tatiana anastasia ekaterina yulia irina svetlana александр сергей дмитрий андрей алексей
                иван михаил николай владимир анна мария елена ольга наталья татьяна ирина светлана екатерина анастасия юлия
                """,
            family: """
                ivanov smirnov kuznetsov popov petrov sokolov volkov kovalenko shevchenko bondarenko tkachenko kravchenko melnyk
                boyko иванов смирнов кузнецов попов петров соколов волков морозов новиков федоров иванова смирнова кузнецова
                попова петрова шевченко коваленко бондаренко
                """
        ),
        LanguageNames(
            language: "Arabic",
            given: """
                mohammed muhammad ahmed omar ali hassan hussein khalid ibrahim youssef abdullah fatima aisha mariam layla nour
                zainab salma yasmin محمد أحمد علي عمر حسن حسين خالد إبراهيم يوسف عبدالله فاطمة عائشة مريم ليلى نور زينب سلمى
                """,
            family: """
                al-sayed haddad khalil nasser mansour saleh hamdan aziz farouk rahman abdullah mahmoud mustafa youssef khoury
                حداد خليل ناصر منصور صالح عبدالله محمود مصطفى يوسف الخوري العلي الأحمد
                """
        ),
        LanguageNames(
            language: "Persian",
            given: "reza mehdi ali hossein amir mohammad saeed hamid maryam zahra fatemeh sara narges parisa leila shirin",
            family: "hosseini ahmadi mohammadi rezaei karimi hashemi moradi kazemi jafari rahimi mousavi sadeghi"
        ),
        LanguageNames(
            language: "Hebrew",
            given: "yosef david moshe avraham yaakov itai noam omer eitan ariel tamar noa yael shira maya michal רונית דוד משה יוסף נועה תמר",
            family: "cohen levi mizrahi peretz biton friedman katz azoulay malka ohana כהן לוי מזרחי פרץ"
        ),
        LanguageNames(
            language: "Japanese (romanised)",
            given: """
                haruto yui sota aoi ren sakura takumi hina kenji yuki hiroshi naoko takashi satoshi kazuki daiki shota taro hanako
                yuto riku kaito hinata yuna mio akari emi keiko yoko yumi tomoko akiko haruka misaki ayumi kaori naoki takuya
                kenta daisuke makoto megumi yuko
                """,
            family: """
                sato suzuki takahashi tanaka watanabe ito yamamoto nakamura kobayashi kato yoshida yamada sasaki yamaguchi
                matsumoto inoue kimura hayashi shimizu yamazaki mori abe ikeda hashimoto
                """
        ),
        LanguageNames(
            language: "Chinese (pinyin)",
            given: "wei fang jing lei min yong xiuying hui jun ying hao na tao xin yan ming qiang mei jian zihan haoran yuxuan",
            family: "wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo ouyang zhuge"
        ),
        LanguageNames(
            language: "Korean (romanised)",
            given: "minjun seoyeon jihoon haeun doyun seojun jiwoo subin yejun jimin hyunwoo yujin younghee cheolsu",
            family: "kim lee park choi jung kang cho yoon jang lim han oh seo shin kwon hwang"
        ),
        LanguageNames(
            language: "Vietnamese",
            given: "minh thu quang linh tuan hoa anh duc hung huong lan mai nam phuong thanh trang trung dung hieu khanh",
            family: "nguyen tran le pham hoang phan vu dang bui do ho ngo duong ly"
        ),
        LanguageNames(
            language: "Indonesian and Malay",
            given: "budi agus siti dewi sri putri ahmad muhammad rizky wahyu dian eka indah ayu nur fitri hendra joko bambang",
            family: "wijaya santoso susanto hidayat saputra kurniawan setiawan pratama gunawan halim tan lim ibrahim abdullah"
        ),
        LanguageNames(
            language: "Filipino",
            given: "jose juan mark john michael angelo christian maria kristine angelica mary jasmine rhea joy",
            family: "santos reyes cruz bautista ocampo garcia mendoza torres tomas andrada castillo villanueva ramos aquino"
        ),
        LanguageNames(
            language: "Yoruba, Igbo, Hausa, Swahili and Akan",
            given: """
                chinedu ngozi oluwaseun amara kwame abena tendai nandi kofi adaeze emeka chidi obinna ifeanyi chioma nneka
                adebayo folake tunde yetunde musa aminu aisha hadiza baraka juma wanjiru akosua kwabena yaw ama efua
                """,
            family: "okafor adeyemi mensah okonkwo nwosu mwangi otieno boateng owusu abubakar eze bello okeke obi okoro"
        ),
    ]
}
