/**
 * The words the matcher's context rules read (docs/matching.md, "Names inside other names", "Places", "Codes"):
 * what a careful reader knows about the words around a name. Not a list of sentences: each word is a kind of name
 * or a kind of place phrase that recurs on any news page.
 */
import type { NameContexts } from '../schema';

export const nameContexts = {
  // Any name followed by one of these is part of a longer name: newspapers and magazines, businesses, events.
  nameHeads: [
    'Post', 'Times', 'Journal', 'Herald', 'Tribune', 'Examiner', 'Independent', 'Gazette', 'Weekly', 'Today',
    'News', 'Radio', 'TV', 'Magazine', 'Review', 'Daily', 'Monthly', 'Markup', 'Insider', 'Free', 'Bureau',
    'Wire', 'Network', 'Channel', 'Digest', 'Observer', 'Courier', 'Chronicle', 'Standard', 'Telegraph', 'Mirror',
    'Podcast', 'Secrets', 'Tower', 'Towers', 'Organization', 'Organisation', 'Hotel', 'Hotels', 'Airlines',
    'Airways', 'Shuttle', 'Media', 'Foundation', 'Inc', 'Corp', 'Corporation', 'Company', 'Ltd', 'LLC', 'Steel',
    'Casino', 'Resort', 'Resorts', 'Winery', 'Golf', 'Club', 'Entertainment', 'Products', 'Brand', 'Brands', 'Open',
    'Cup', 'Marathon', 'Games', 'Card', 'Cards', 'University',
  ],
  // A place name followed by one of these is part of the name of something there: institutions, streets and
  // buildings, a US state's own bodies, sports teams.
  placeHeads: [
    'College', 'Institute', 'School', 'Academy', 'State', 'Street', 'Square', 'Avenue', 'Boulevard', 'Road',
    'Bridge', 'Park', 'Airport', 'Metro', 'Subway', 'Station', 'Zoo', 'Hospital', 'Center', 'Centre', 'Library',
    'Museum', 'Monument', 'Cathedral', 'Theatre', 'Theater', 'Opera', 'Symphony', 'Ballet', 'Conservatory',
    'Stadium', 'Arena', 'County', 'Region', 'Oblast', 'Supreme', 'Legislature', 'Patriarchate', 'Nationals',
    'Capitals', 'Wizards', 'Redskins', 'Commanders', 'Mystics', 'Spirit', 'Huskies', 'Cougars', 'Sounders',
    'Dynamo', 'Spartak', 'Lokomotiv', 'FC', 'Bank', 'Group', 'Report',
  ],
  // "University of Washington", "State of Washington", "Bank of Russia", "Mayor of Kyiv", "March on Washington".
  headsOf: ['University', 'College', 'State', 'Bank', 'Mayor', 'Governor', 'Port', 'Battle', 'Siege', 'Treaty', 'Church', 'Patriarch', 'Metropolitan', 'Museum', 'Duchy', 'Principality', 'March'],
  freeBefore: [
    // articles, conjunctions, prepositions, pronouns, sentence-start adverbs
    'A', 'An', 'The', 'And', 'But', 'Or', 'Nor', 'So', 'Yet', 'For', 'If', 'As', 'At', 'By', 'In', 'On', 'Of', 'To',
    'From', 'With', 'Without', 'After', 'Before', 'When', 'While', 'Whilst', 'Where', 'Why', 'How', 'What', 'Who',
    'Whom', 'Whose', 'Which', 'That', 'This', 'These', 'Those', 'Then', 'Now', 'Today', 'Yesterday', 'Tomorrow',
    'Still', 'Also', 'Even', 'Only', 'Just', 'Meanwhile', 'However', 'Although', 'Though', 'Because', 'Since',
    'Until', 'Unlike', 'Like', 'Both', 'Either', 'Neither', 'Not', 'No', 'Yes', 'Against', 'Between', 'Under',
    'Over', 'About', 'Into', 'Through', 'Despite', 'Amid', 'Among', 'Including', 'Via', 'Per', 'Did', 'Does', 'Do',
    'Will', 'Would', 'Can', 'Could', 'Should', 'Must', 'May', 'Might', 'Has', 'Have', 'Had', 'Is', 'Was', 'Are',
    'Were', 'Here', 'There', 'It', 'We', 'They', 'He', 'She', 'I', 'You', 'Our', 'Their', 'His', 'Her', 'Its',
    'Every', 'All', 'Many', 'Most', 'Some', 'Any', 'Once', 'Later', 'Earlier', 'Instead', 'Indeed', 'Perhaps',
    'Maybe', 'Thus', 'Hence', 'Overall', 'Again', 'Like', 'Unless', 'Whether', 'Toward', 'Towards', 'Upon',
    'Beyond', 'Within', 'Across', 'Behind', 'Along', 'Around', 'Near', 'Inside', 'Outside', 'During',
    // titles and roles that stand before a name
    'President', 'Presidents', 'Mr', 'Mrs', 'Ms', 'Dr', 'Sen', 'Senator', 'Rep', 'Gov', 'Governor', 'Former',
    'Ex', 'Candidate', 'Nominee', 'Team', 'Citizen', 'Chancellor', 'Minister', 'Secretary', 'Envoy', 'Leader',
    'General', 'Gen', 'Prime', 'Premier', 'Spokesman', 'Spokeswoman', 'Spokesperson', 'Vice', 'Foreign',
    'Defense', 'Defence', 'Director', 'Chief', 'Commander', 'King', 'Queen', 'Prince', 'Sir', 'Ambassador',
    'Adviser', 'Advisor', 'Aide', 'Aides', 'Administration', 'Elect', 'Elected', 'Acting', 'Interim',
    // other languages' articles and prepositions that start a sentence
    'Le', 'La', 'Les', 'Un', 'Une', 'En', 'Et', 'Mais', 'Der', 'Die', 'Das', 'Den', 'Dem', 'Des', 'Und', 'Aber',
    'Im', 'Am', 'Zum', 'Zur', 'El', 'Los', 'Las', 'Y', 'Pero', 'Il', 'Lo', 'Gli', 'Ma', 'Con', 'Per', 'Del', 'Della',
    'W', 'Z', 'I', 'Oraz', 'Ale',
  ],
  placeBefore: [
    'in', 'near', 'outside', 'around', 'across', 'throughout', 'downtown', 'inside', 'east of', 'west of',
    'north of', 'south of', 'northeast of', 'northwest of', 'southeast of', 'southwest of', 'outskirts of',
    'streets of', 'centre of', 'center of', 'suburbs of', 'based in', 'located in',
    'flew to', 'flying to', 'travelled to', 'traveled to', 'trip to', 'visit to', 'arrived in', 'arriving in',
    'returned to', 'moved to', 'living in', 'lives in', 'born in',
    // German, French, Spanish, Italian, Polish, Russian, Ukrainian
    'bei', 'nahe', 'nahe bei', 'außerhalb', 'près de', 'en', 'cerca de', 'a', 'vicino a', 'w', 'pod', 'koło',
    'в', 'под', 'около', 'у', 'біля', 'під', 'поблизу',
  ],
  placeAfter: [
    'area', 'region', 'suburbs', 'suburb', 'outskirts', 'metro area', 'metropolitan area', 'residents', 'mayor',
    'city hall', 'airport', 'streets', 'time', 'skyline', 'city', 'restaurants', 'apartment', 'neighborhood',
    'neighbourhood', 'based', 'born',
  ],
  codeAfter: ['release', 'releases', 'version', 'versions', 'servers', 'server', 'store', 'region code'],
  languages: [
    'English', 'Spanish', 'Español', 'French', 'Français', 'German', 'Deutsch', 'Portuguese', 'Português', 'Italian',
    'Italiano', 'Chinese', 'Russian', 'Arabic', 'Dutch', 'Japanese', 'Korean',
  ],
} satisfies NameContexts;
